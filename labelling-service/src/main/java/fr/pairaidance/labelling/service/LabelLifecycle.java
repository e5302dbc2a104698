package fr.pairaidance.labelling.service;

import fr.pairaidance.contracts.LabelChanged;
import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.messaging.LabelEvents;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelDecision;
import fr.pairaidance.labelling.persistence.LabelState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Applies a change of a label: its new state, one audit record, its credentials' status bits (a new
 * credential at grant and renewal), one event, all in the caller's transaction. Also brings a label up to date with its dates before anyone decides on it.
 */
@ApplicationScoped
public class LabelLifecycle {

    private final LabelEvents events;
    private final LabellingConfig config;
    private final EntityManager em;
    private final Clock clock;
    private final VerificationCache verifications;
    private final LabelCredentials credentials;

    LabelLifecycle(LabelEvents events, LabellingConfig config, EntityManager em, Clock clock,
            VerificationCache verifications, LabelCredentials credentials) {
        this.verifications = verifications;
        this.credentials = credentials;
        this.events = events;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.timeZone());
    }

    /** One change: the label's fields are already set but its state; records and announces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(Label label, LabelDecision.Action action, LabelState newState, Actor actor, String reason,
            LocalDate effectiveOn) {
        LabelState previous = label.state;
        label.state = newState;
        label.updatedAt = clock.instant();
        if (newState != LabelState.SUSPENDED) {
            label.suspendedUntil = null;
        }
        label.stateReason = newState == LabelState.SUSPENDED || newState == LabelState.REVOKED ? reason : null;
        record(label, action, previous, actor, reason, effectiveOn);
        credentials.stateChanged(label, action == LabelDecision.Action.RENEWED);
        em.flush();
        events.publish(eventType(action), label, reason);
        verifications.evictAfterCommit(label.number);
    }

    /** The first record of a new label. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void granted(Label label, Actor actor, String reason) {
        record(label, LabelDecision.Action.GRANTED, null, actor, reason, today());
        credentials.issue(label);
        em.flush();
        events.publish(LabelChanged.GRANTED, label, reason);
    }

    /**
     * Applies the time-driven change the dates call for, if any (renewal window, expiry, end of a
     * suspension).
     *
     * @return whether the label changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean catchUp(Label label) {
        LocalDate today = today();
        LabelState due = LabelTimeline.stateOn(label.state, label.expiresOn, label.suspendedUntil,
                config.renewalWindow(), today);
        if (due == label.state) {
            return false;
        }
        LocalDate since = LabelTimeline.since(due, label.expiresOn, label.suspendedUntil, config.renewalWindow(), today);
        LabelDecision.Action action = switch (due) {
            case EXPIRED -> LabelDecision.Action.EXPIRED;
            case RENEWAL_DUE -> label.state == LabelState.SUSPENDED
                    ? LabelDecision.Action.REINSTATED : LabelDecision.Action.RENEWAL_DUE;
            default -> LabelDecision.Action.REINSTATED;
        };
        change(label, action, due, Actor.SYSTEM, null, since);
        return true;
    }

    private void record(Label label, LabelDecision.Action action, LabelState previous, Actor actor, String reason,
            LocalDate effectiveOn) {
        LabelDecision d = new LabelDecision();
        d.id = UUID.randomUUID();
        d.labelId = label.id;
        d.action = action;
        d.actorSubject = actor.subject();
        d.actorName = actor.name();
        d.decidedAt = clock.instant();
        d.reason = reason;
        d.previousState = previous;
        d.newState = label.state;
        d.effectiveOn = effectiveOn;
        d.expiresOn = label.expiresOn;
        d.suspendedUntil = label.suspendedUntil;
        d.persist();
    }

    private static String eventType(LabelDecision.Action action) {
        return switch (action) {
            case GRANTED -> LabelChanged.GRANTED;
            case SUSPENDED -> LabelChanged.SUSPENDED;
            case REINSTATED -> LabelChanged.REINSTATED;
            case REVOKED -> LabelChanged.REVOKED;
            case RENEWAL_DUE -> LabelChanged.RENEWAL_DUE;
            case RENEWED -> LabelChanged.RENEWED;
            case EXPIRED -> LabelChanged.EXPIRED;
            case WITHDRAWN -> LabelChanged.WITHDRAWN;
        };
    }
}
