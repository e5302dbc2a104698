package fr.pairaidance.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every event of topic {@value #TOPIC} (producer: orientation-service): the request's state,
 * without the employer's message, the employer's identity or any contact detail. Key: the request id;
 * {@code version}: the request's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestChanged(UUID requestId, UUID practitionerId, String registryNumber, String status, String area,
        String zoneCode, String departmentCode, String regionCode, Instant createdAt, Instant expiresAt,
        Instant answeredAt, long version, Instant occurredAt) implements EventPayload {

    public static final String TOPIC = "orientation.request";
    private static final String PREFIX = "fr.pairaidance.orientation.request.";
    public static final String REQUESTED = PREFIX + "requested.v1";
    public static final String ACCEPTED = PREFIX + "accepted.v1";
    public static final String DECLINED = PREFIX + "declined.v1";
    public static final String EXPIRED = PREFIX + "expired.v1";
    public static final String CLOSED = PREFIX + "closed.v1";
    public static final List<String> TYPES = List.of(REQUESTED, ACCEPTED, DECLINED, EXPIRED, CLOSED);
}
