package fr.pairaidance.labelling.rest;

import fr.pairaidance.labelling.config.LabellingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed window per client (IP address) on the public verification: past the limit, 429 with
 * {@code Retry-After}. In memory: each instance counts its own requests.
 */
@ApplicationScoped
public class VerificationRateLimit {

    private static final int MAX_CLIENTS = 10_000;

    private final LabellingConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    VerificationRateLimit(LabellingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    private record Window(long start, int count) {
    }

    /** @throws WebApplicationException 429 (problem+json through the platform's mappers) past the limit */
    public void check(String client) {
        long now = clock.millis();
        long length = config.verification().window().toMillis();
        Window window = windows.compute(client, (k, w) -> w == null || now < w.start() || now - w.start() >= length
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> now - w.start() >= length);
        }
        if (window.count() > config.verification().requestsPerWindow()) {
            long retryAfter = Math.max(1, (window.start() + length - now + 999) / 1000);
            throw new WebApplicationException(Response.status(429).header("Retry-After", retryAfter).build());
        }
    }
}
