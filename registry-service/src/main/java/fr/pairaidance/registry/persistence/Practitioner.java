package fr.pairaidance.registry.persistence;

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

/** A registered peer helper. Personal fields are null once the practitioner has withdrawn. */
@Entity
@Table(name = "practitioner")
public class Practitioner extends PanacheEntityBase {

    public enum Status { ACTIVE, WITHDRAWN }

    @Id
    public UUID id;

    @Column(name = "registry_number")
    public String registryNumber;

    /** The OIDC subject of the practitioner's own account, once linked. */
    public String subject;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String email;
    public String phone;

    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "zone_code")
    public String zoneCode;

    /** Lived-experience domains: health data (GDPR art. 9). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> domains = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> appellations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> modes = new ArrayList<>();

    public String siret;

    @Column(name = "employer_name")
    public String employerName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> formats = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();

    public boolean remote;

    @Column(name = "core_complete")
    public boolean coreComplete;

    @Column(name = "core_completed_at")
    public Instant coreCompletedAt;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** The version the last event of this practitioner carried (registry.practitioner's {@code version}). */
    @Column(name = "event_version")
    public long eventVersion;

    @Version
    public long version;

    public static Optional<Practitioner> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public static Optional<Practitioner> findUnlinkedByEmail(String email) {
        return find("lower(email) = lower(?1) and subject is null and status = ?2", email, Status.ACTIVE)
                .firstResultOptional();
    }

    public static boolean emailTaken(String email, UUID except) {
        return count("lower(email) = lower(?1) and id <> ?2", email, except) > 0;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Given name and initial of the family name, e.g. "Camille D.": the name shown to the public. */
    public String publicName() {
        if (givenName == null) {
            return null;
        }
        return givenName + (familyName == null || familyName.isEmpty() ? "" : " " + familyName.charAt(0) + ".");
    }
}
