package fr.pairaidance.labelling.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One immutable step of an application's audit trail (a database trigger forbids changes). */
@Entity
@Immutable
@Table(name = "application_decision")
public class ApplicationDecision extends PanacheEntityBase {

    public enum Action { SUBMITTED, ASSIGNED, GRANTED, REFUSED, APPEALED, APPEAL_UPHELD, APPEAL_DISMISSED, CLOSED }

    @Id
    public UUID id;

    /** Insertion order: decisions taken at the same instant keep their order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "application_id")
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    public Action action;

    /** Subject of the staff member who decided; null for the practitioner themselves and for the system. */
    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;

    @Column(name = "previous_state")
    @Enumerated(EnumType.STRING)
    public ApplicationState previousState;

    @Column(name = "new_state")
    @Enumerated(EnumType.STRING)
    public ApplicationState newState;

    public static List<ApplicationDecision> of(UUID applicationId) {
        return list("applicationId = ?1 order by seq", applicationId);
    }
}
