package fr.pairaidance.orientation.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.platform.outbox.EventPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * Payload of every event of topic {@code orientation.request}: the request's state, without the
 * employer's message, the employer's identity or any contact detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestEvent(UUID requestId, UUID practitionerId, String registryNumber, String status, String area,
        String zoneCode, String departmentCode, String regionCode, Instant createdAt, Instant expiresAt,
        Instant answeredAt, Instant occurredAt) implements EventPayload {
}
