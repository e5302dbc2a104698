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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A practitioner's application for a label, from submission to the final decision. */
@Entity
@Table(name = "label_application")
public class LabelApplication extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "registry_number")
    public String registryNumber;

    @Enumerated(EnumType.STRING)
    public ApplicationState state;

    /** Lived-experience domains the label is asked for (health data). */
    @Column(name = "requested_domains")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requestedDomains = new ArrayList<>();

    @Column(name = "requested_appellations")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requestedAppellations = new ArrayList<>();

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** Subject of the regulator reviewing it. */
    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "assigned_to_name")
    public String assignedToName;

    /** Subject of the regulator who refused it: they may not decide its appeal. */
    @Column(name = "refused_by")
    public String refusedBy;

    @Column(name = "label_id")
    public UUID labelId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The version the last event of this application carried. */
    @Column(name = "event_version")
    public long eventVersion;

    @Version
    public long version;

    public static List<LabelApplication> openOf(UUID practitionerId) {
        return list("practitionerId = ?1 and state in ?2", practitionerId, ApplicationState.OPEN);
    }

    public static List<LabelApplication> of(UUID practitionerId) {
        return list("practitionerId = ?1 order by submittedAt desc", practitionerId);
    }
}
