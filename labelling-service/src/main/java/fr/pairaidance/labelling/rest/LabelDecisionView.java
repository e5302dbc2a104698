package fr.pairaidance.labelling.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.labelling.persistence.LabelDecision;
import java.time.Instant;
import java.time.LocalDate;

/** One decision of a label's audit trail: who, when, what, why, from which state to which. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelDecisionView(String action, String bySubject, String byName, Instant at, LocalDate effectiveOn,
        String reason, String previousState, String newState, LocalDate expiresOn, LocalDate suspendedUntil) {

    static LabelDecisionView of(LabelDecision d) {
        return new LabelDecisionView(d.action.name(), d.actorSubject, d.actorName, d.decidedAt, d.effectiveOn,
                d.reason, d.previousState == null ? null : d.previousState.name(), d.newState.name(), d.expiresOn,
                d.suspendedUntil);
    }
}
