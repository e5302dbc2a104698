package fr.pairaidance.platform.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event owed to one subscription, and how its delivery went; see {@code V0_3__platform_webhooks.sql}. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** Longest error excerpt kept (and shown in the delivery log). */
    public static final int MAX_ERROR_LENGTH = 200;

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** The {@code webhook-id}: the event's id, the same on every attempt. */
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The JSON body sent. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    /** When the next attempt is due; while an attempt is under way, the end of its lease. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_http_status")
    public Integer lastHttpStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** At most {@link #MAX_ERROR_LENGTH} characters of an error, on one line. */
    public static String excerpt(String error) {
        if (error == null) {
            return null;
        }
        String oneLine = error.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return oneLine.length() <= MAX_ERROR_LENGTH ? oneLine : oneLine.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
