package fr.pairaidance.labelling.rest;

import fr.pairaidance.labelling.config.LabellingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    /** When expired windows were last swept: at most one sweep per second, not one per request. */
    private final AtomicLong lastSweep = new AtomicLong();

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
        long last = lastSweep.get();
        if (windows.size() > MAX_CLIENTS && now - last >= 1000 && lastSweep.compareAndSet(last, now)) {
            // With more than MAX_CLIENTS clients in the window, sweeping on every request scanned the whole
            // map each time (measured: O(clients) per verification); once a second is enough.
            windows.values().removeIf(w -> now - w.start() >= length);
        }
        if (window.count() > config.verification().requestsPerWindow()) {
            long retryAfter = Math.max(1, (window.start() + length - now + 999) / 1000);
            throw new WebApplicationException(Response.status(429).header("Retry-After", retryAfter).build());
        }
    }
}
