package fr.pairaidance.platform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks retry schedule, its jitter and the endpoint's Retry-After. */
class RetryScheduleTest {

    private static final List<Duration> STANDARD = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

    @Test
    void withoutJitterTheDelaysAreTheSchedulesAndTheTenthFailureGivesUp() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0, Duration.ofHours(24), () -> 0.9);
        List<Duration> delays = new ArrayList<>();
        for (int failed = 1; failed < 10; failed++) {
            delays.add(schedule.nextDelay(failed, Optional.empty()).orElseThrow());
        }
        assertEquals(STANDARD.subList(1, 10), delays);
        assertEquals(Optional.empty(), schedule.nextDelay(10, Optional.empty()));
        assertEquals(10, schedule.attempts());
    }

    @Test
    void jitterSpreadsADelayWithinItsFraction() {
        RetrySchedule low = new RetrySchedule(STANDARD, 0.2, Duration.ofHours(24), () -> 0.0);
        RetrySchedule high = new RetrySchedule(STANDARD, 0.2, Duration.ofHours(24), () -> 0.999999);
        assertEquals(Duration.ofMinutes(4), low.nextDelay(2, Optional.empty()).orElseThrow());
        assertEquals(Duration.ofMinutes(6).toSeconds(), high.nextDelay(2, Optional.empty()).orElseThrow().toSeconds());
    }

    @Test
    void retryAfterDelaysANearerAttemptButIsCutToItsMaximum() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0, Duration.ofHours(24), () -> 0.5);
        assertEquals(Duration.ofSeconds(120), schedule.nextDelay(1, Optional.of(Duration.ofSeconds(120))).orElseThrow());
        // A Retry-After shorter than the schedule's delay does not bring the attempt nearer.
        assertEquals(Duration.ofMinutes(30), schedule.nextDelay(3, Optional.of(Duration.ofSeconds(10))).orElseThrow());
        assertEquals(Duration.ofHours(24), schedule.nextDelay(1, Optional.of(Duration.ofDays(30))).orElseThrow());
        // Retries exhausted: Retry-After does not bring the delivery back.
        assertEquals(Optional.empty(), schedule.nextDelay(10, Optional.of(Duration.ofSeconds(1))));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-04-02T09:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetrySchedule.parseRetryAfter("30", now));
        assertEquals(Optional.of(Duration.ofMinutes(2)),
                RetrySchedule.parseRetryAfter("Thu, 02 Apr 2026 09:02:00 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetrySchedule.parseRetryAfter("Thu, 02 Apr 2026 08:00:00 GMT", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("soon", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter(null, now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("-5", now));
    }
}
