package fr.pairaidance.orientation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The latest registry state of a practitioner, from topic {@code registry.practitioner}. Published
 * fields (commune, domains, appellations, formats, languages, contact, organisation) are null when not consented.
 */
@Entity
@Table(name = "registry_state")
public class RegistryState extends PanacheEntityBase {

    @Id
    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "registry_number")
    public String registryNumber;

    public String subject;
    public String status;

    @Column(name = "public_name")
    public String publicName;

    @Column(name = "zone_code")
    public String zoneCode;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "region_code")
    public String regionCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> modes;

    public boolean remote;
    public boolean listed;

    @Column(name = "consent_version")
    public Integer consentVersion;

    @Column(name = "commune_code")
    public String communeCode;

    /** Lived-experience domains: health data, present only when published. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> domains;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> appellations;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> formats;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    /** The SIRET of a self-employed practitioner, present only when published. */
    public String siret;

    /** The employer of a salaried practitioner, present only when published. */
    @Column(name = "employer_name")
    public String employerName;

    /** The version of the event this state comes from: older or equal ones are dropped. */
    @Column(name = "source_version")
    public long sourceVersion;

    /** When the event this state comes from occurred (information: producers' clocks may differ). */
    @Column(name = "occurred_at")
    public Instant occurredAt;

    public static Optional<RegistryState> findBySubject(String subject) {
        return subject == null ? Optional.empty() : find("subject", subject).firstResultOptional();
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
