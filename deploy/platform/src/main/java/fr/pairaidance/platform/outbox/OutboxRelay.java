package fr.pairaidance.platform.outbox;

import fr.pairaidance.platform.PlatformConfig;
import fr.pairaidance.platform.worker.Drainer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Drives {@link OutboxPublisher}: woken after every commit that wrote to the outbox (low latency),
 * and by a fallback poll (events left by a crash or a Kafka outage). One thread, so batches go out
 * in order; concurrent wake-ups are coalesced.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final PlatformConfig config;
    private final Drainer drainer = new Drainer("outbox-relay", this::drain);

    OutboxRelay(OutboxPublisher publisher, PlatformConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            drainer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        drainer.stop();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        drainer.wakeUp();
    }

    @Scheduled(every = "${pairaidance.platform.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drainer.wakeUp();
    }

    /** Asks for a drain of the outbox; returns at once. */
    public void wakeUp() {
        drainer.wakeUp();
    }

    private void drain() {
        try {
            int sent;
            do {
                sent = publisher.publishNextBatch();
            } while (sent >= config.outbox().batchSize() && !drainer.stopping());
        } catch (RuntimeException e) {
            // Kafka or the database is unavailable: the rows stay in the outbox for the next poll.
            LOG.warnf("Outbox relay could not publish a batch, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
