package fr.pairaidance.labelling.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A label granted by the regulator: public number, scope, validity and current state. */
@Entity
@Table(name = "label")
public class Label extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Public number, e.g. LBL-2026-000731. */
    public String number;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "registry_number")
    public String registryNumber;

    @Column(name = "application_id")
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    public LabelState state;

    /** Lived-experience domains covered (health data; erased on withdrawal). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> domains = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> appellations = new ArrayList<>();

    @Column(name = "granted_at")
    public Instant grantedAt;

    /** The first day the label is no longer valid. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /** End of a suspension (the label is back on that day); null for an open-ended one. */
    @Column(name = "suspended_until")
    public LocalDate suspendedUntil;

    /** Reason of the current state (suspension, revocation). */
    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The version the last event of this label carried; it continues the practitioner's label stream. */
    @Column(name = "event_version")
    public long eventVersion;

    @Version
    public long version;

    public static Optional<Label> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public static List<Label> of(UUID practitionerId) {
        return list("practitionerId = ?1 order by grantedAt desc", practitionerId);
    }

    public static boolean holdsLiveLabel(UUID practitionerId) {
        return count("practitionerId = ?1 and state in ?2", practitionerId, LabelState.LIVE) > 0;
    }
}
