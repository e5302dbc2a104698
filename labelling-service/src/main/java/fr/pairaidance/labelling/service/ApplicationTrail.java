package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.persistence.ApplicationDecision;
import fr.pairaidance.labelling.persistence.ApplicationState;
import fr.pairaidance.labelling.persistence.LabelApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Moves an application to a new state and records the decision, in the caller's transaction. */
@ApplicationScoped
public class ApplicationTrail {

    private final EntityManager em;
    private final Clock clock;

    ApplicationTrail(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The first record of a new (already persisted) application. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(LabelApplication a, Actor actor) {
        record(a, ApplicationDecision.Action.SUBMITTED, null, actor, null);
        em.flush();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(LabelApplication a, ApplicationDecision.Action action, ApplicationState newState, Actor actor,
            String reason) {
        ApplicationState previous = a.state;
        a.state = newState;
        a.updatedAt = clock.instant();
        record(a, action, previous, actor, reason);
        em.flush();
    }

    private void record(LabelApplication a, ApplicationDecision.Action action, ApplicationState previous, Actor actor,
            String reason) {
        ApplicationDecision d = new ApplicationDecision();
        d.id = UUID.randomUUID();
        d.applicationId = a.id;
        d.action = action;
        d.actorSubject = actor.subject();
        d.actorName = actor.name();
        d.decidedAt = clock.instant();
        d.reason = reason;
        d.previousState = previous;
        d.newState = a.state;
        d.persist();
    }
}
