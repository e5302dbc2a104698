package fr.pairaidance.platform.outbox;

import fr.pairaidance.platform.PlatformConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private ExecutorService worker;

    OutboxRelay(OutboxPublisher publisher, PlatformConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
            wakeUp();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wakeUp();
    }

    @Scheduled(every = "${pairaidance.platform.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** Asks for a drain of the outbox; returns at once. */
    public void wakeUp() {
        if (worker != null && !worker.isShutdown() && wakeUpPending.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RuntimeException rejected) {
                wakeUpPending.set(false);
            }
        }
    }

    private void drain() {
        wakeUpPending.set(false);
        try {
            int sent;
            do {
                sent = publisher.publishNextBatch();
            } while (sent >= config.outbox().batchSize() && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            // Kafka or the database is unavailable: the rows stay in the outbox for the next poll.
            LOG.warnf("Outbox relay could not publish a batch, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
