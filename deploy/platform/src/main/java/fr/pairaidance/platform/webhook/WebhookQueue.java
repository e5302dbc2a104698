package fr.pairaidance.platform.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The sender's short transactions: taking due deliveries (locked with {@code for update skip locked}, so
 * that two instances never take the same one, and leased by moving their due time past the lease), then
 * recording each attempt's outcome. A delivery taken by an instance that dies is due again once its lease
 * has passed: nothing is lost, an attempt may be repeated (receivers de-duplicate on {@code webhook-id}).
 */
@ApplicationScoped
public class WebhookQueue {

    /**
     * The time deliveries are due, leased, attempted and stamped ({@code webhook-timestamp}) by: the wall clock,
     * since endpoints check the timestamp against theirs and retries wait real seconds. The rules about
     * subscriptions (when one started failing, how long a previous secret signs) and the events' own times
     * follow the service's injected clock.
     */
    public static final Clock DELIVERY_CLOCK = Clock.systemUTC();

    /** A delivery taken for one attempt, with what signing and sending it needs. */
    public record Attempt(UUID deliveryId, UUID subscriptionId, String eventId, String payload, String url,
            List<String> secrets, int attempt) {
    }

    /** What an attempt brought back. */
    public record Outcome(int httpStatus, String error, Optional<Duration> retryAfter) {

        public boolean delivered() {
            return httpStatus >= 200 && httpStatus < 300;
        }

        public boolean gone() {
            return httpStatus == 410;
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final WebhookConfig config;
    private final RetrySchedule schedule;
    private final WebhookSubscriptions subscriptions;

    WebhookQueue(EntityManager em, Clock clock, WebhookConfig config, RetrySchedule schedule,
            WebhookSubscriptions subscriptions) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.schedule = schedule;
        this.subscriptions = subscriptions;
    }

    /**
     * Takes up to {@code max} due deliveries of enabled subscriptions, oldest first and at most one per
     * subscription (the next one waits for the following round, so an endpoint gets its events one at a time
     * and in order from this instance), counts their attempt and leases them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Attempt> take(int max) {
        Instant now = DELIVERY_CLOCK.instant();
        Instant ruleNow = clock.instant();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Attempt> taken = new ArrayList<>();
            Set<UUID> subscriptionsTaken = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select d.id, d.subscription_id, d.event_id, d.payload, d.attempts, s.url, s.secret, "
                            + "s.previous_secret, s.previous_secret_expires_at "
                            + "from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id "
                            + "where d.status = 'PENDING' and d.next_attempt_at <= ? and s.enabled "
                            + "order by d.next_attempt_at, d.seq limit ? for update of d skip locked")) {
                select.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                select.setInt(2, max);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID subscriptionId = rows.getObject(2, UUID.class);
                        if (!subscriptionsTaken.add(subscriptionId)) {
                            continue;
                        }
                        List<String> secrets = new ArrayList<>(2);
                        secrets.add(rows.getString(7));
                        OffsetDateTime previousExpiry = rows.getObject(9, OffsetDateTime.class);
                        if (rows.getString(8) != null && previousExpiry != null && ruleNow.isBefore(previousExpiry.toInstant())) {
                            secrets.add(rows.getString(8));
                        }
                        taken.add(new Attempt(rows.getObject(1, UUID.class), subscriptionId, rows.getString(3),
                                rows.getString(4), rows.getString(6), secrets, rows.getInt(5) + 1));
                    }
                }
            }
            if (taken.isEmpty()) {
                return taken;
            }
            Array ids = connection.createArrayOf("uuid", taken.stream().map(Attempt::deliveryId).toArray());
            try (PreparedStatement lease = connection.prepareStatement(
                    "update webhook_delivery set attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ? "
                            + "where id = any(?)")) {
                lease.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                lease.setObject(2, OffsetDateTime.ofInstant(now.plus(config.lease()), ZoneOffset.UTC));
                lease.setArray(3, ids);
                lease.executeUpdate();
            } finally {
                ids.free();
            }
            return taken;
        });
    }

    /**
     * Records an attempt: delivered; given up and the subscription disabled on 410; otherwise due again on
     * the retry schedule (given up once it is exhausted), and the subscription disabled once its endpoint has
     * failed without a success for longer than the configured duration.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Attempt attempt, Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(attempt.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status != WebhookDelivery.Status.PENDING) {
            return; // the subscription was deleted meanwhile
        }
        WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId,
                LockModeType.PESSIMISTIC_WRITE);
        Instant now = DELIVERY_CLOCK.instant();
        Instant ruleNow = clock.instant();
        delivery.lastHttpStatus = outcome.httpStatus() == 0 ? null : outcome.httpStatus();
        delivery.lastError = WebhookDelivery.excerpt(outcome.error());
        if (outcome.delivered()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            subscription.failingSince = null;
            return;
        }
        if (outcome.gone()) {
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.nextAttemptAt = null;
            subscriptions.disable(subscription, "the endpoint answered 410 Gone");
            return;
        }
        Optional<Duration> next = schedule.nextDelay(delivery.attempts, outcome.retryAfter());
        if (next.isPresent()) {
            delivery.nextAttemptAt = now.plus(next.get());
        } else {
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.nextAttemptAt = null;
        }
        if (subscription.failingSince == null) {
            subscription.failingSince = ruleNow;
        } else if (Duration.between(subscription.failingSince, ruleNow).compareTo(config.disableAfter()) > 0) {
            subscriptions.disable(subscription, "the endpoint failed without a success from "
                    + subscription.failingSince + " for more than " + config.disableAfter());
        }
    }
}
