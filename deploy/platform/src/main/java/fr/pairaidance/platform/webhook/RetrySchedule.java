package fr.pairaidance.platform.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery is tried again: the schedule's delay before the next attempt, spread by a random
 * jitter, and never sooner than the endpoint's {@code Retry-After} (cut to a maximum).
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    /**
     * @param delays the delay before each attempt, the first attempt's included (usually zero)
     * @param jitter the spread of a retry delay as a fraction of it, 0 to 1
     * @param random values in [0, 1)
     */
    public RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter, DoubleSupplier random) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one attempt");
        }
        this.delays = List.copyOf(delays);
        this.jitter = Math.max(0, Math.min(1, jitter));
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    public static RetrySchedule of(WebhookConfig config) {
        return new RetrySchedule(config.retrySchedule(), config.jitter(), config.maxRetryAfter(), Math::random);
    }

    /** How many attempts a delivery gets in all. */
    public int attempts() {
        return delays.size();
    }

    /** The delay before the first attempt. */
    public Duration first() {
        return delays.get(0);
    }

    /**
     * @param attemptsMade the attempts made so far, the failed one included
     * @param retryAfter what the endpoint asked for, if it did
     * @return the delay before the next attempt, or empty when the delivery is given up
     */
    public Optional<Duration> nextDelay(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration scheduled = delays.get(attemptsMade);
        long millis = scheduled.toMillis();
        long spread = Math.round(millis * jitter * (2 * random.getAsDouble() - 1));
        Duration delay = Duration.ofMillis(Math.max(0, millis + spread));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return Optional.of(delay);
    }

    /** Reads a {@code Retry-After} header: seconds, or an HTTP date. Empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
