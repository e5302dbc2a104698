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
public class LabelState extends PanacheEntityBase {

    /** Label states under which the practitioner may be published. */
    public static final Set<String> PUBLISHABLE = Set.of("ACTIVE", "RENEWAL_DUE");

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

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public boolean isPublishable() {
        return PUBLISHABLE.contains(state);
    }
}
