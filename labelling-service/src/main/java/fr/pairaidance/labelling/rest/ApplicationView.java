package fr.pairaidance.labelling.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.labelling.persistence.ApplicationDecision;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelApplication;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as the API returns it, with its decisions in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationView(UUID id, UUID practitionerId, String registryNumber, String state,
        ScopeView requestedScope, Instant submittedAt, String reviewer, String labelNumber, Instant updatedAt,
        List<Step> decisions) {

    /** One decision of the application's audit trail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String action, String by, Instant at, String reason, String previousState, String newState) {
    }

    static ApplicationView of(LabelApplication a) {
        String labelNumber = a.labelId == null ? null
                : Label.<Label>findByIdOptional(a.labelId).map(l -> l.number).orElse(null);
        List<Step> steps = ApplicationDecision.of(a.id).stream().map(d -> new Step(d.action.name(), d.actorName,
                d.decidedAt, d.reason, d.previousState == null ? null : d.previousState.name(), d.newState.name()))
                .toList();
        return new ApplicationView(a.id, a.practitionerId, a.registryNumber, a.state.name(),
                new ScopeView(a.requestedDomains, a.requestedAppellations), a.submittedAt, a.assignedToName,
                labelNumber, a.updatedAt, steps);
    }

    /** Without the decisions, for lists. */
    static ApplicationView summary(LabelApplication a) {
        return new ApplicationView(a.id, a.practitionerId, a.registryNumber, a.state.name(),
                new ScopeView(a.requestedDomains, a.requestedAppellations), a.submittedAt, a.assignedToName,
                null, a.updatedAt, null);
    }
}
