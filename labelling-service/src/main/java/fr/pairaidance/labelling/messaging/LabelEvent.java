package fr.pairaidance.labelling.messaging;

import fr.pairaidance.platform.outbox.EventPayload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every event of topic {@code labelling.label}: the label's current state (event-carried
 * state transfer; the topic is compacted by practitioner id).
 */
public record LabelEvent(
        UUID labelId,
        String labelNumber,
        UUID practitionerId,
        String registryNumber,
        String state,
        Scope scope,
        Instant grantedAt,
        LocalDate expiresOn,
        LocalDate suspendedUntil,
        String reason,
        Instant occurredAt) implements EventPayload {

    /** What the label covers: lived-experience domains and appellations. */
    public record Scope(List<String> domains, List<String> appellations) {
    }
}
