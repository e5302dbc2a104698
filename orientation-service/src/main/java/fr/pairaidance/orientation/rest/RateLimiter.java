package fr.pairaidance.orientation.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per caller key: capacity = the caller's requests per minute, refilled
 * continuously. Per instance: behind a load balancer each instance enforces its own share.
 */
@ApplicationScoped
public class RateLimiter {

    private static final class Bucket {
        private double tokens;
        private long lastMillis;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.lastMillis = now;
        }
    }

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** @return 0 when the request may proceed, else the seconds to wait before retrying */
    public long tryAcquire(String key, int perMinute) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double perMilli = perMinute / 60_000.0;
            long elapsed = Math.max(0, now - bucket.lastMillis);
            bucket.tokens = Math.min(perMinute, bucket.tokens + elapsed * perMilli);
            bucket.lastMillis = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
        }
    }
}
