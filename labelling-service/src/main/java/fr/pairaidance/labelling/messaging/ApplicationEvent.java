package fr.pairaidance.labelling.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.platform.outbox.EventPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * Payload of the events of topic {@code labelling.application}. No free-text reason: it could
 * hold personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationEvent(
        UUID applicationId,
        UUID practitionerId,
        String registryNumber,
        String state,
        /** UPHELD or DISMISSED, for an appeal decision. */
        String appealOutcome,
        /** The label granted, when the appeal is upheld. */
        String labelNumber,
        Instant occurredAt) implements EventPayload {
}
