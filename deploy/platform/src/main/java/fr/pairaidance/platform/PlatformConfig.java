package fr.pairaidance.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the shared plumbing; every service sets {@code pairaidance.platform.event-source}. */
@ConfigMapping(prefix = "pairaidance.platform")
public interface PlatformConfig {

    /** CloudEvents {@code source} of the events this service produces, e.g. {@code /pairaidance/registry-service}. */
    String eventSource();

    /** Largest request body, in bytes, announced by Content-Length (a 413 problem above). */
    @WithDefault("12582912")
    long maxBodySize();

    /**
     * Paths that take files (an agency's import of up to 100 000 rows): their bodies may reach
     * {@link #maxUploadSize()}; every other body stays under {@link #maxBodySize()}.
     */
    java.util.Optional<java.util.List<String>> uploadPaths();

    /** Largest file body, in bytes, on the upload paths (below Quarkus's own 64M limit). */
    @WithDefault("50331648")
    long maxUploadSize();

    /** The body limit of a request to this path. */
    default long maxBodySizeOf(String path) {
        return path != null && uploadPaths().orElse(java.util.List.of()).stream().anyMatch(path::startsWith)
                ? maxUploadSize() : maxBodySize();
    }

    Outbox outbox();

    Mail mail();

    interface Mail {
        /** Whether this instance sends the queued mails. */
        @WithDefault("true")
        boolean senderEnabled();

        /** Fallback poll of the queue; the sender is also woken after every commit that queues a mail. */
        @WithDefault("2s")
        Duration pollInterval();

        /** How long the queue waits when the SMTP server cannot be reached. */
        @WithDefault("10s")
        Duration outageRetry();

        /** Delays before the next attempts of a mail the server refused for now (4xx); the last repeats. */
        @WithDefault("30s,2m,10m,30m,1h")
        java.util.List<Duration> retryDelays();

        /**
         * An event older than this when it is read means no mail (a consumer group reading a topic from its
         * start, a long outage): the person's page tells what happened.
         */
        @WithDefault("7d")
        Duration eventMaxAge();

        /** A mail still unsent this long after it was queued is given up (logged, never sent). */
        @WithDefault("3d")
        Duration giveUpAfter();
    }

    interface Outbox {
        /** Whether the in-service relay publishes the outbox (false when Debezium does it). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Fallback poll of the outbox; the relay is also woken after every commit that writes to it. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for Kafka to acknowledge one batch. */
        @WithDefault("20s")
        Duration sendTimeout();
    }
}
