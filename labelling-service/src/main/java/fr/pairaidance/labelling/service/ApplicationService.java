package fr.pairaidance.labelling.service;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.labelling.messaging.ApplicationEvents;
import fr.pairaidance.labelling.persistence.ApplicationDecision.Action;
import fr.pairaidance.labelling.persistence.ApplicationState;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.rest.Etags;
import fr.pairaidance.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;

/** Applications for a label: submission, review by a regulator, refusal and appeal. */
@ApplicationScoped
public class ApplicationService {

    private final Eligibility eligibility;
    private final ScopeRules scopes;
    private final ApplicationTrail trail;
    private final LabelGrants grants;
    private final ApplicationEvents events;
    private final IdempotencyKeys replays;
    private final EntityManager em;
    private final Clock clock;

    ApplicationService(Eligibility eligibility, ScopeRules scopes, ApplicationTrail trail, LabelGrants grants,
            ApplicationEvents events, IdempotencyKeys replays, EntityManager em, Clock clock) {
        this.eligibility = eligibility;
        this.scopes = scopes;
        this.trail = trail;
        this.grants = grants;
        this.events = events;
        this.replays = replays;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public IdempotentResult<LabelApplication> submit(ApplicationInput in, String idempotencyKey, Caller caller) {
        var earlier = replays.claim("submit", caller, idempotencyKey, String.valueOf(in));
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(UUID.fromString(earlier.get())), true);
        }
        PractitionerEligibility p = eligibility.applicant(in.practitionerId(), caller);
        scopes.check("scope", in.scope());
        if (!LabelApplication.openOf(p.practitionerId).isEmpty()) {
            throw openApplication();
        }
        LabelGrants.requireNoLiveLabel(p.practitionerId);
        LabelApplication a = new LabelApplication();
        a.id = UUID.randomUUID();
        a.practitionerId = p.practitionerId;
        a.registryNumber = p.registryNumber;
        a.state = ApplicationState.SUBMITTED;
        a.requestedDomains = new ArrayList<>(in.scope().domains());
        a.requestedAppellations = new ArrayList<>(in.scope().appellations());
        a.submittedAt = clock.instant();
        a.updatedAt = a.submittedAt;
        events.submitted(a); // first: it gives the application its first event version, which the insert carries
        a.persist();
        flushOrConflict();
        trail.submitted(a, Actor.of(caller));
        replays.complete("submit", caller, idempotencyKey, a.id.toString());
        return new IdempotentResult<>(a, false);
    }

    /** A regulator takes the application (or takes it over from a colleague). */
    @Transactional
    public IdempotentResult<LabelApplication> assign(UUID id, String ifMatch, String idempotencyKey, Caller caller) {
        var earlier = replays.claim("assign", caller, idempotencyKey, id.toString());
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(id), true);
        }
        LabelApplication a = writable(id, ifMatch);
        if (a.state != ApplicationState.SUBMITTED && a.state != ApplicationState.UNDER_REVIEW) {
            throw Access.transition("application", a.state, "taken for review");
        }
        Actor actor = Actor.of(caller);
        a.assignedTo = actor.subject();
        a.assignedToName = actor.name();
        trail.move(a, Action.ASSIGNED, ApplicationState.UNDER_REVIEW, actor, null);
        replays.complete("assign", caller, idempotencyKey, id.toString());
        return new IdempotentResult<>(a, false);
    }

    @Transactional
    public IdempotentResult<LabelApplication> grant(UUID id, GrantInput in, String ifMatch, String idempotencyKey,
            Caller caller) {
        var earlier = replays.claim("grant", caller, idempotencyKey, id + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(id), true);
        }
        LabelApplication a = reviewedBy(id, ifMatch, caller, "granted");
        scopes.check("scope", in.scope());
        Actor actor = Actor.of(caller);
        Label label = grants.grant(a, in.scope(), actor, in.reason());
        a.labelId = label.id;
        trail.move(a, Action.GRANTED, ApplicationState.GRANTED, actor, in.reason());
        replays.complete("grant", caller, idempotencyKey, id.toString());
        return new IdempotentResult<>(a, false);
    }

    @Transactional
    public IdempotentResult<LabelApplication> refuse(UUID id, ReasonInput in, String ifMatch, String idempotencyKey,
            Caller caller) {
        var earlier = replays.claim("refuse", caller, idempotencyKey, id + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(id), true);
        }
        LabelApplication a = reviewedBy(id, ifMatch, caller, "refused");
        Actor actor = Actor.of(caller);
        a.refusedBy = actor.subject();
        trail.move(a, Action.REFUSED, ApplicationState.REFUSED, actor, in.reason());
        events.refused(a);
        replays.complete("refuse", caller, idempotencyKey, id.toString());
        return new IdempotentResult<>(a, false);
    }

    /** The practitioner (or an agent for them) appeals a refusal, once. */
    @Transactional
    public IdempotentResult<LabelApplication> appeal(UUID id, ReasonInput in, String ifMatch, String idempotencyKey,
            Caller caller) {
        var earlier = replays.claim("appeal", caller, idempotencyKey, id + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(id), true);
        }
        LabelApplication a = load(id);
        if (!Access.isStaff(caller) && !Access.isOwner(a.practitionerId, caller)) {
            throw ProblemException.forbidden("a practitioner may only appeal their own refusal");
        }
        Etags.requireMatch(ifMatch, a.version);
        if (a.state != ApplicationState.REFUSED) {
            throw Access.transition("application", a.state, "appealed (only a refusal, once)");
        }
        eligibility.requireNotWithdrawn(a.practitionerId);
        if (!LabelApplication.openOf(a.practitionerId).isEmpty()) {
            throw openApplication();
        }
        LabelGrants.requireNoLiveLabel(a.practitionerId);
        trail.move(a, Action.APPEALED, ApplicationState.APPEALED, Actor.of(caller), in.reason());
        replays.complete("appeal", caller, idempotencyKey, id.toString());
        return new IdempotentResult<>(a, false);
    }

    /** A regulator other than the one who refused decides the appeal. */
    @Transactional
    public IdempotentResult<LabelApplication> decideAppeal(UUID id, AppealDecisionInput in, String ifMatch,
            String idempotencyKey, Caller caller) {
        var earlier = replays.claim("appeal-decision", caller, idempotencyKey, id + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(id), true);
        }
        LabelApplication a = writable(id, ifMatch);
        if (a.state != ApplicationState.APPEALED) {
            throw Access.transition("application", a.state, "decided on appeal");
        }
        if (caller.subject().equals(a.refusedBy)) {
            throw ProblemException.forbidden("the regulator who refused the application may not decide its appeal");
        }
        Actor actor = Actor.of(caller);
        if (in.outcome() == AppealDecisionInput.Outcome.UPHELD) {
            if (in.scope() == null) {
                throw ProblemException.badRequest("scope", "is required when the appeal is upheld");
            }
            scopes.check("scope", in.scope());
            Label label = grants.grant(a, in.scope(), actor, in.reason());
            a.labelId = label.id;
            trail.move(a, Action.APPEAL_UPHELD, ApplicationState.GRANTED, actor, in.reason());
            events.appealDecided(a, in.outcome().name(), label.number);
        } else {
            trail.move(a, Action.APPEAL_DISMISSED, ApplicationState.APPEAL_DISMISSED, actor, in.reason());
            events.appealDecided(a, in.outcome().name(), null);
        }
        replays.complete("appeal-decision", caller, idempotencyKey, id.toString());
        return new IdempotentResult<>(a, false);
    }

    public LabelApplication get(UUID id, Caller caller) {
        LabelApplication a = load(id);
        Access.requireReadable(a.practitionerId, caller);
        return a;
    }

    public static LabelApplication load(UUID id) {
        LabelApplication a = LabelApplication.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Application", id.toString());
        }
        return a;
    }

    private LabelApplication writable(UUID id, String ifMatch) {
        LabelApplication a = load(id);
        Etags.requireMatch(ifMatch, a.version);
        return a;
    }

    /** An application under review by the caller: only they grant or refuse it. */
    private LabelApplication reviewedBy(UUID id, String ifMatch, Caller caller, String action) {
        LabelApplication a = writable(id, ifMatch);
        if (a.state != ApplicationState.UNDER_REVIEW) {
            throw Access.transition("application", a.state, action + " (take it for review first)");
        }
        if (!caller.subject().equals(a.assignedTo)) {
            throw ProblemException.forbidden("the application is under review by another regulator; take it over first");
        }
        return a;
    }

    private void flushOrConflict() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw openApplication();
        }
    }

    private static ProblemException openApplication() {
        return ProblemException.conflict("application-open", "Application already open",
                "the practitioner already has an open application");
    }
}
