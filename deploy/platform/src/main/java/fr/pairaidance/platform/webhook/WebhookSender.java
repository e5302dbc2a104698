package fr.pairaidance.platform.webhook;

import fr.pairaidance.platform.worker.Drainer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries: woken after every commit that adds some, and by a fallback poll (retries
 * coming due, deliveries left by a stopped instance). One thread takes batches ({@link WebhookQueue#take}),
 * a small pool sends them ({@link WebhookHttp}), each outcome is recorded in its own transaction. Off with
 * {@code pairaidance.platform.webhooks.sender-enabled=false}.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookQueue queue;
    private final WebhookHttp http;
    private final WebhookConfig config;
    private final Drainer drainer = new Drainer("webhook-sender", this::drain);
    private ExecutorService senders;

    WebhookSender(WebhookQueue queue, WebhookHttp http, WebhookConfig config) {
        this.queue = queue;
        this.http = http;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.senderEnabled()) {
            AtomicInteger threads = new AtomicInteger();
            senders = Executors.newFixedThreadPool(Math.max(1, config.concurrency()),
                    r -> new Thread(r, "webhook-send-" + threads.incrementAndGet()));
            drainer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        drainer.stop();
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookFanOut.DeliveriesAdded added) {
        drainer.wakeUp();
    }

    @Scheduled(every = "${pairaidance.platform.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drainer.wakeUp();
    }

    /** Asks for a round of sending; returns at once. */
    public void wakeUp() {
        drainer.wakeUp();
    }

    private void drain() {
        try {
            List<WebhookQueue.Attempt> taken;
            do {
                taken = queue.take(config.batchSize());
                List<Future<?>> running = new ArrayList<>(taken.size());
                for (WebhookQueue.Attempt attempt : taken) {
                    running.add(senders.submit(() -> attempt(attempt)));
                }
                for (Future<?> sending : running) {
                    sending.get();
                }
            } while (!taken.isEmpty() && !drainer.stopping());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The database is unavailable: the deliveries stay due (or leased) for the next round.
            LOG.warnf("Webhook sender could not complete a round, will retry: %s", e.getClass().getSimpleName());
        }
    }

    private void attempt(WebhookQueue.Attempt attempt) {
        WebhookQueue.Outcome outcome;
        try {
            outcome = http.send(attempt);
        } catch (RuntimeException e) {
            // Recorded as a failed attempt: unrecorded, the delivery would come back after every lease without end.
            outcome = new WebhookQueue.Outcome(0, "not sent: " + e.getClass().getSimpleName(), java.util.Optional.empty());
        }
        if (!outcome.delivered()) {
            LOG.debugf("Webhook delivery %s (event %s) attempt %d failed: HTTP %d", attempt.deliveryId(),
                    attempt.eventId(), attempt.attempt(), outcome.httpStatus());
        }
        queue.record(attempt, outcome);
    }
}
