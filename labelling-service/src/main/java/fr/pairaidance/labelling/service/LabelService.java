package fr.pairaidance.labelling.service;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelDecision;
import fr.pairaidance.labelling.persistence.LabelDecision.Action;
import fr.pairaidance.labelling.persistence.LabelState;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.rest.Etags;
import fr.pairaidance.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The regulator's decisions on a label (suspend, reinstate, revoke, renew) and reading labels. */
@ApplicationScoped
public class LabelService {

    private final LabelLifecycle lifecycle;
    private final IdempotencyKeys replays;
    private final LabellingConfig config;

    LabelService(LabelLifecycle lifecycle, IdempotencyKeys replays, LabellingConfig config) {
        this.lifecycle = lifecycle;
        this.replays = replays;
        this.config = config;
    }

    @Transactional
    public IdempotentResult<Label> suspend(String number, SuspensionInput in, String ifMatch, String key, Caller caller) {
        var earlier = replays.claim("suspend", caller, key, number + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(number), true);
        }
        Label label = decidable(number, ifMatch, Set.of(LabelState.ACTIVE, LabelState.RENEWAL_DUE), "suspended");
        LocalDate today = lifecycle.today();
        if (in.until() != null && !in.until().isAfter(today)) {
            throw ProblemException.badRequest("until", "must be after today (" + today + ")");
        }
        if (in.until() != null && in.until().isAfter(label.expiresOn)) {
            throw ProblemException.badRequest("until", "must be no later than the label's expiry (" + label.expiresOn
                    + "); leave it out to suspend the label until a reinstatement or its expiry");
        }
        label.suspendedUntil = in.until();
        lifecycle.change(label, Action.SUSPENDED, LabelState.SUSPENDED, Actor.of(caller), in.reason(), today);
        replays.complete("suspend", caller, key, number);
        return new IdempotentResult<>(label, false);
    }

    @Transactional
    public IdempotentResult<Label> reinstate(String number, ReasonInput in, String ifMatch, String key, Caller caller) {
        var earlier = replays.claim("reinstate", caller, key, number + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(number), true);
        }
        Label label = decidable(number, ifMatch, Set.of(LabelState.SUSPENDED), "reinstated");
        LocalDate today = lifecycle.today();
        LabelState back = LabelTimeline.stateOn(LabelState.ACTIVE, label.expiresOn, null, config.renewalWindow(), today);
        lifecycle.change(label, Action.REINSTATED, back, Actor.of(caller), in.reason(), today);
        replays.complete("reinstate", caller, key, number);
        return new IdempotentResult<>(label, false);
    }

    @Transactional
    public IdempotentResult<Label> revoke(String number, ReasonInput in, String ifMatch, String key, Caller caller) {
        var earlier = replays.claim("revoke", caller, key, number + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(number), true);
        }
        Label label = decidable(number, ifMatch, LabelState.LIVE, "revoked");
        lifecycle.change(label, Action.REVOKED, LabelState.REVOKED, Actor.of(caller), in.reason(), lifecycle.today());
        replays.complete("revoke", caller, key, number);
        return new IdempotentResult<>(label, false);
    }

    /** Extends the expiry by the validity, from the current expiry date. */
    @Transactional
    public IdempotentResult<Label> renew(String number, ReasonInput in, String ifMatch, String key, Caller caller) {
        var earlier = replays.claim("renew", caller, key, number + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(load(number), true);
        }
        Label label = decidable(number, ifMatch, Set.of(LabelState.ACTIVE, LabelState.RENEWAL_DUE),
                "renewed (an expired label needs a new application)");
        if (label.state == LabelState.ACTIVE) {
            // Once per validity: a renewal far from the expiry would stack validities without a new review.
            throw ProblemException.conflict("renewal-not-due", "Renewal not due", "the label " + number
                    + " may be renewed in its renewal window, from " + label.expiresOn.minus(config.renewalWindow()));
        }
        LocalDate today = lifecycle.today();
        label.expiresOn = label.expiresOn.plus(config.validity());
        LabelState state = LabelTimeline.stateOn(LabelState.ACTIVE, label.expiresOn, null, config.renewalWindow(), today);
        lifecycle.change(label, Action.RENEWED, state, Actor.of(caller), in.reason(), today);
        replays.complete("renew", caller, key, number);
        return new IdempotentResult<>(label, false);
    }

    public Label get(String number, Caller caller) {
        Label label = load(number);
        Access.requireReadable(label.practitionerId, caller);
        return label;
    }

    public List<LabelDecision> history(String number) {
        return LabelDecision.of(load(number).id);
    }

    public static Label load(String number) {
        return Label.findByNumber(number).orElseThrow(() -> ProblemException.notFound("Label", number));
    }

    /**
     * The label brought up to date with its dates, at the version the caller read, in one of the
     * states the decision may start from.
     */
    private Label decidable(String number, String ifMatch, Set<LabelState> from, String action) {
        Label label = load(number);
        Etags.requireMatch(ifMatch, label.version);
        lifecycle.catchUp(label);
        if (!from.contains(label.state)) {
            throw Access.transition("label", label.state, action);
        }
        return label;
    }
}
