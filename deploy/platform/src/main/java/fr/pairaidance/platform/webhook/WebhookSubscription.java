package fr.pairaidance.platform.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API client's endpoint and what it follows; see {@code V0_3__platform_webhooks.sql}. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The OIDC subject of the client that subscribed: only it sees the subscription. */
    @Column(name = "owner_subject")
    public String ownerSubject;

    public String url;

    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes;

    /** The filter as the client gave it (JSON), read back in the API. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String filter;

    /** What an event is matched on: label numbers, or one typed area. */
    @Column(name = "filter_keys")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> filterKeys;

    /** Whom to tell when the endpoint is disabled; optional. */
    @Column(name = "contact_email")
    public String contactEmail;

    public String secret;

    /** The secret before the last rotation, still signing until {@link #previousSecretExpiresAt}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    public boolean enabled;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** When the endpoint started failing, cleared by a success. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The secrets that sign a message sent at {@code now}: the current one, then the previous one in its overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
