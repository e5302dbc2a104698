package fr.pairaidance.labelling.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.labelling.persistence.Label;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A label as the API returns it to staff and to its holder. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelView(UUID id, String number, UUID practitionerId, String registryNumber, String state,
        ScopeView scope, Instant grantedAt, LocalDate expiresOn, LocalDate suspendedUntil, String stateReason,
        UUID applicationId, Instant updatedAt) {

    static LabelView of(Label l) {
        return new LabelView(l.id, l.number, l.practitionerId, l.registryNumber, l.state.name(),
                new ScopeView(l.domains, l.appellations), l.grantedAt, l.expiresOn, l.suspendedUntil, l.stateReason,
                l.applicationId, l.updatedAt);
    }
}
