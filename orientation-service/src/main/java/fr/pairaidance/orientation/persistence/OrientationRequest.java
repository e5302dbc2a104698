package fr.pairaidance.orientation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An employer's request for peer help, sent to one practitioner. */
@Entity
@Table(name = "orientation_request")
public class OrientationRequest extends PanacheEntityBase {

    public enum Status { PENDING, ACCEPTED, DECLINED, EXPIRED, CLOSED }

    @Id
    public UUID id;

    @Column(name = "employer_subject")
    public String employerSubject;

    /** The employer's address from their account, for the mails about this request. */
    @Column(name = "employer_email")
    public String employerEmail;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "registry_number")
    public String registryNumber;

    /** The typed area the employer asked about, e.g. ze:8421. */
    public String area;

    @Column(name = "zone_code")
    public String zoneCode;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "region_code")
    public String regionCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> domains = new ArrayList<>();

    public String format;

    @Column(name = "workforce_size")
    public Integer workforceSize;

    public String message;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The version the last event of this request carried. */
    @Column(name = "event_version")
    public long eventVersion;

    @Version
    public long version;

    public static List<OrientationRequest> ofEmployer(String subject) {
        return list("employerSubject = ?1 order by createdAt desc, id", subject);
    }

    public static List<OrientationRequest> ofPractitioner(UUID practitionerId) {
        return list("practitionerId = ?1 order by createdAt desc, id", practitionerId);
    }

    public static List<OrientationRequest> pendingOf(UUID practitionerId) {
        return list("practitionerId = ?1 and status = ?2", practitionerId, Status.PENDING);
    }

    public static List<OrientationRequest> pendingDueAt(Instant now, int limit) {
        return find("status = ?1 and expiresAt <= ?2 order by expiresAt", Status.PENDING, now).page(0, limit).list();
    }
}
