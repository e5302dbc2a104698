package fr.pairaidance.platform.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook API of a service answers (the services' resources share these views). */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** A subscription as its owner reads it; {@code secret} only in the answers that create or rotate it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookSubscription", description = "A webhook subscription")
    public record Subscription(
            UUID id,
            @Schema(example = "https://jobs.example.org/hooks/pairaidance") String url,
            List<String> eventTypes,
            @Schema(description = "The filter as given: labelNumbers (labelling) or area (orientation)") JsonNode filter,
            @Schema(description = "Told when the endpoint is disabled") String contactEmail,
            boolean enabled,
            Instant disabledAt,
            @Schema(description = "Why the endpoint was disabled (410 Gone, or failing for too long)") String disabledReason,
            @Schema(description = "Since when the endpoint fails without a success") Instant failingSince,
            @Schema(description = "While set, deliveries carry a second signature with the previous secret")
            Instant previousSecretExpiresAt,
            Instant createdAt,
            @Schema(description = "The signing secret (whsec_...): shown only when created or rotated; keep it")
            String secret) {

        public static Subscription of(WebhookSubscription s, String secret, ObjectMapper mapper) {
            JsonNode filter;
            try {
                filter = mapper.readTree(s.filter);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored webhook filter of " + s.id + " is not JSON", e);
            }
            Instant previousExpiry = s.previousSecret == null ? null : s.previousSecretExpiresAt;
            return new Subscription(s.id, s.url, List.copyOf(s.eventTypes), filter, s.contactEmail, s.enabled,
                    s.disabledAt, s.disabledReason, s.failingSince, previousExpiry, s.createdAt, secret);
        }
    }

    @Schema(name = "WebhookSubscriptions")
    public record Subscriptions(List<Subscription> items) {
    }

    /** One line of the delivery log. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookDelivery", description = "An event owed to the endpoint and how its delivery went")
    public record Delivery(
            @Schema(description = "The webhook-id header") String eventId,
            String eventType,
            @Schema(description = "PENDING, DELIVERED or FAILED (retries exhausted, or 410 Gone)") String status,
            int attempts,
            Integer lastHttpStatus,
            @Schema(description = "At most 200 characters") String lastError,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {

        public static Delivery of(WebhookDelivery d) {
            return new Delivery(d.eventId, d.eventType, d.status.name(), d.attempts, d.lastHttpStatus, d.lastError,
                    d.createdAt, d.lastAttemptAt, d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null,
                    d.deliveredAt);
        }
    }

    @Schema(name = "WebhookDeliveryPage", description = "A page of the delivery log, newest first")
    public record DeliveryPage(List<Delivery> items, int page, int size, long total) {
    }
}
