package fr.pairaidance.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A training module completion, or a recognition of prior experience (VAE) standing for modules. */
@Entity
@Table(name = "training_record")
public class TrainingRecord extends PanacheEntityBase {

    public enum Kind { COMPLETION, PRIOR_EXPERIENCE }

    @Id
    public UUID id;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "module_codes")
    public List<String> moduleCodes;

    @Column(name = "catalogue_version")
    public String catalogueVersion;

    @Column(name = "achieved_on")
    public LocalDate achievedOn;

    @Column(name = "training_body_name")
    public String trainingBodyName;

    @Column(name = "training_body_siret")
    public String trainingBodySiret;

    @Column(name = "evidence_reference")
    public String evidenceReference;

    public String delivery;

    /** For a recognition of prior experience: the agent who decided it. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    public static List<TrainingRecord> ofPractitioner(UUID practitionerId) {
        return list("practitionerId = ?1 order by achievedOn, recordedAt", practitionerId);
    }
}
