package fr.pairaidance.labelling.persistence;

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
import org.hibernate.annotations.Immutable;

/**
 * One immutable step of a label's audit trail, with the label's dates once it applies: the
 * trail alone answers whether the label was valid on a past day.
 */
@Entity
@Immutable
@Table(name = "label_decision")
public class LabelDecision extends PanacheEntityBase {

    public enum Action { GRANTED, SUSPENDED, REINSTATED, REVOKED, RENEWAL_DUE, RENEWED, EXPIRED, WITHDRAWN }

    @Id
    public UUID id;

    /** Insertion order: decisions taken at the same instant keep their order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "label_id")
    public UUID labelId;

    @Enumerated(EnumType.STRING)
    public Action action;

    /** Subject of the regulator; null for the system (time-driven changes, registry withdrawal). */
    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;

    @Column(name = "previous_state")
    @Enumerated(EnumType.STRING)
    public LabelState previousState;

    @Column(name = "new_state")
    @Enumerated(EnumType.STRING)
    public LabelState newState;

    /** The day from which the decision applies (a late time-driven change applies from its due day). */
    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "suspended_until")
    public LocalDate suspendedUntil;

    public static List<LabelDecision> of(UUID labelId) {
        return list("labelId = ?1 order by seq", labelId);
    }
}
