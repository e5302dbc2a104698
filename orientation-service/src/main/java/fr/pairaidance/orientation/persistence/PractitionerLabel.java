package fr.pairaidance.orientation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** The latest label of a practitioner, from topic {@code labelling.label}. */
@Entity
@Table(name = "label_state")
public class PractitionerLabel extends PanacheEntityBase {

    /** Label states under which the practitioner may be published. */
    public static final Set<String> PUBLISHABLE = Set.of("ACTIVE", "RENEWAL_DUE");

    /** Label states that end it: the holder lost the label for good. */
    public static final Set<String> ENDED = Set.of("REVOKED", "EXPIRED", "WITHDRAWN");

    @Id
    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "label_id")
    public UUID labelId;

    @Column(name = "label_number")
    public String labelNumber;

    @Column(name = "registry_number")
    public String registryNumber;

    public String state;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /** The version of the event this state comes from: older or equal ones are dropped. */
    @Column(name = "source_version")
    public long sourceVersion;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** Whether the practitioner holds a valid label (published, and may accept orientation requests). */
    public static boolean isValidFor(UUID practitionerId) {
        PractitionerLabel label = findById(practitionerId);
        return label != null && label.isPublishable();
    }

    public boolean isEnded() {
        return ENDED.contains(state);
    }

    public boolean isPublishable() {
        return PUBLISHABLE.contains(state);
    }
}
