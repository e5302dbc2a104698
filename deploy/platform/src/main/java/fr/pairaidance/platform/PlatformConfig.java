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

    Outbox outbox();

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
