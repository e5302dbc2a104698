package fr.pairaidance.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as webhooks carry it: its id becomes the {@code webhook-id} header, and the body is the thin
 * Standard Webhooks payload {@code {"type": ..., "timestamp": ..., "data": {...}}}.
 *
 * @param id stable across retries and redeliveries of the change it announces
 * @param data ids, state and a link to the public resource; never personal health data, contact details or reasons
 */
public record WebhookEvent(String id, String type, Instant timestamp, Object data) {

    /** Largest body a webhook carries, in bytes of UTF-8. */
    public static final int MAX_PAYLOAD_BYTES = 20 * 1024;

    /** The JSON body; a body over {@link #MAX_PAYLOAD_BYTES} is a defect of its producer. */
    public String payload(ObjectMapper mapper) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.put("data", data);
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook payload of " + type + " cannot be serialised", e);
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("webhook payload of " + type + " is over " + MAX_PAYLOAD_BYTES + " bytes");
        }
        return json;
    }
}
