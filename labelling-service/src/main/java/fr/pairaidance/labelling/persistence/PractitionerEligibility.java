package fr.pairaidance.labelling.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service knows of a practitioner, from {@code registry.practitioner} events. The
 * subject and public name are personal data, erased when the practitioner withdraws.
 */
@Entity
@Table(name = "practitioner_eligibility")
public class PractitionerEligibility extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "registry_number")
    public String registryNumber;

    /** The OIDC subject of the practitioner's account, once linked in the registry. */
    public String subject;

    @Column(name = "public_name")
    public String publicName;

    public String status;

    /** Consent to publish the lived-experience domains (health data): only then are a label's shown publicly. */
    /** The region of practice (INSEE code), for the regulator's queue; erased with the rest at withdrawal. */
    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "domains_published")
    public boolean domainsPublished;

    @Column(name = "core_complete")
    public boolean coreComplete;

    /** Time of the last applied event (events older than it are ignored). */
    /** The version of the last registry.practitioner event applied: older or equal ones are dropped. */
    @Column(name = "source_version")
    public long sourceVersion;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<PractitionerEligibility> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public boolean isWithdrawn() {
        return WITHDRAWN.equals(status);
    }
}
