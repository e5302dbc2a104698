package fr.pairaidance.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.platform.mail.MailContent;
import fr.pairaidance.platform.mail.Mails;
import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.web.WebConfig;
import fr.pairaidance.platform.web.WebMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The subscriptions of API clients: created, read, rotated, re-enabled and deleted by their owner only
 * (someone else's is not found), and disabled by the sender ({@link #disable}).
 */
@ApplicationScoped
public class WebhookSubscriptions {

    /** The type of the event sent on request to check an endpoint; every subscription receives it. */
    public static final String TEST_EVENT_TYPE = "fr.pairaidance.webhooks.test.v1";
    static final int MAX_EVENT_TYPES = 50;
    static final int MAX_EMAIL_LENGTH = 320;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Logger LOG = Logger.getLogger(WebhookSubscriptions.class);

    private final Mails mails;
    private final WebConfig web;

    /**
     * What a client asks for, once the service has read its filter.
     *
     * @param filter the filter as given, stored as JSON and read back
     * @param filterKeys what events are matched on (label numbers, a typed area)
     */
    public record NewSubscription(String url, List<String> eventTypes, Object filter, List<String> filterKeys,
            String contactEmail) {
    }

    /** A subscription and its secret, returned once. */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    private final WebhookAddressGuard guard;
    private final WebhookConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Event<WebhookFanOut.DeliveriesAdded> added;

    WebhookSubscriptions(WebhookAddressGuard guard, WebhookConfig config, ObjectMapper mapper, Clock clock,
            Event<WebhookFanOut.DeliveriesAdded> added, Mails mails, WebConfig web) {
        this.mails = mails;
        this.web = web;
        this.guard = guard;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.added = added;
    }

    /**
     * Checks the input (the URL's addresses are resolved here, outside any transaction), then stores the
     * subscription with a new secret.
     *
     * @param knownEventTypes the types this service sends
     * @param filterFaults what the service found wrong in the filter, reported with the other fields
     */
    public WithSecret create(String owner, NewSubscription input, Set<String> knownEventTypes,
            List<Problem.FieldError> filterFaults) {
        List<Problem.FieldError> faults = new ArrayList<>();
        try {
            guard.check(input.url());
        } catch (WebhookAddressGuard.Refused refused) {
            faults.add(new Problem.FieldError("url", refused.getMessage()));
        }
        Set<String> types = eventTypes(input.eventTypes(), knownEventTypes, faults);
        String email = input.contactEmail() == null || input.contactEmail().isBlank() ? null : input.contactEmail().strip();
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            faults.add(new Problem.FieldError("contactEmail", "must be an email address"));
        }
        faults.addAll(filterFaults);
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        String filterJson = json(input.filter());
        return QuarkusTransaction.requiringNew().call(() -> {
            if (WebhookSubscription.count("ownerSubject", owner) >= config.maxSubscriptionsPerOwner()) {
                throw ProblemException.conflict("too-many-webhooks", "Too many webhook subscriptions",
                        "a client may hold " + config.maxSubscriptionsPerOwner() + " subscriptions; delete one first");
            }
            // Stored as the database keeps it (microseconds): events at the same instant are not older.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            WebhookSubscription s = new WebhookSubscription();
            s.id = UUID.randomUUID();
            s.ownerSubject = owner;
            s.url = input.url().strip();
            s.eventTypes = List.copyOf(types);
            s.filter = filterJson;
            s.filterKeys = List.copyOf(new LinkedHashSet<>(input.filterKeys()));
            s.contactEmail = email;
            s.secret = WebhookSigner.newSecret();
            s.enabled = true;
            s.createdAt = now;
            s.updatedAt = now;
            s.persist();
            return new WithSecret(s, s.secret);
        });
    }

    @Transactional
    public List<WebhookSubscription> list(String owner) {
        return WebhookSubscription.list("ownerSubject = ?1 order by createdAt, id", owner);
    }

    @Transactional
    public WebhookSubscription get(String owner, UUID id) {
        return owned(owner, id, LockModeType.NONE);
    }

    /** Deletes the subscription and its delivery log; nothing more is sent to it. */
    @Transactional
    public void delete(String owner, UUID id) {
        owned(owner, id, LockModeType.PESSIMISTIC_WRITE).delete();
    }

    /**
     * A new secret signs from now on; the previous one still signs (a second signature) for the overlap, so
     * that the endpoint can switch without losing a message. A rotation within the overlap drops the oldest.
     */
    @Transactional
    public WithSecret rotateSecret(String owner, UUID id) {
        WebhookSubscription s = owned(owner, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        s.previousSecret = s.secret;
        s.previousSecretExpiresAt = now.plus(config.secretOverlap());
        s.secret = WebhookSigner.newSecret();
        s.updatedAt = now;
        return new WithSecret(s, s.secret);
    }

    /** Re-enables a disabled endpoint: its pending deliveries are due at once, the failure clock starts again. */
    @Transactional
    public WebhookSubscription enable(String owner, UUID id) {
        WebhookSubscription s = owned(owner, id, LockModeType.PESSIMISTIC_WRITE);
        if (!s.enabled) {
            Instant now = clock.instant();
            s.enabled = true;
            s.disabledAt = null;
            s.disabledReason = null;
            s.failingSince = null;
            s.updatedAt = now;
            WebhookDelivery.update("nextAttemptAt = ?1 where subscriptionId = ?2 and status = ?3",
                    WebhookQueue.DELIVERY_CLOCK.instant(), s.id,
                    WebhookDelivery.Status.PENDING);
            added.fire(WebhookFanOut.DeliveriesAdded.INSTANCE);
        }
        return s;
    }

    /**
     * Stops deliveries to the endpoint (pending ones wait for a re-enable) and records why. The only place a
     * subscription is disabled: the one to tell its owner ({@link WebhookSubscription#contactEmail}) from.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(WebhookSubscription subscription, String reason) {
        if (!subscription.enabled) {
            return;
        }
        Instant now = clock.instant();
        subscription.enabled = false;
        subscription.disabledAt = now;
        subscription.disabledReason = reason.length() <= 300 ? reason : reason.substring(0, 300);
        subscription.updatedAt = now;
        LOG.infof("Webhook subscription %s disabled: %s", subscription.id, subscription.disabledReason);
        String log = web.sites().getOrDefault(web.site(), "") + "/api/v1/webhooks/" + subscription.id + "/deliveries";
        mails.enqueue("webhook-disabled:" + subscription.id + ":" + now.toEpochMilli(), subscription.ownerSubject,
                subscription.contactEmail, WebhookMailKind.WEBHOOK_DISABLED, locale -> {
                    WebMessages m = MessageBundles.get(WebMessages.class, Localized.Literal.of(locale.toLanguageTag()));
                    return new MailContent(m.mailWebhookDisabledSubject(),
                            List.of(m.mailWebhookDisabledBody(subscription.url, subscription.disabledReason),
                                    m.mailWebhookDisabledEnable(subscription.id.toString())),
                            m.mailWebhookDeliveryLog(), log, null);
                });
    }

    /** Queues a test event for the endpoint, whatever types it follows; 409 while it is disabled. */
    @Transactional
    public WebhookDelivery sendTest(String owner, UUID id) {
        WebhookSubscription s = owned(owner, id, LockModeType.NONE);
        if (!s.enabled) {
            throw ProblemException.conflict("webhook-disabled", "Webhook disabled",
                    "the subscription is disabled (" + s.disabledReason + "); enable it first");
        }
        Instant now = clock.instant();
        String eventId = "test-" + UUID.randomUUID();
        WebhookEvent event = new WebhookEvent(eventId, TEST_EVENT_TYPE, now,
                Map.of("subscriptionId", s.id.toString(), "message", "A test event sent on request"));
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        d.subscriptionId = s.id;
        d.eventId = eventId;
        d.eventType = TEST_EVENT_TYPE;
        d.payload = event.payload(mapper);
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = WebhookQueue.DELIVERY_CLOCK.instant();
        d.createdAt = now;
        d.persist();
        added.fire(WebhookFanOut.DeliveriesAdded.INSTANCE);
        return d;
    }

    /** The delivery log of one subscription, newest first. */
    @Transactional
    public WebhookViews.DeliveryPage deliveries(String owner, UUID id, int page, int size) {
        WebhookSubscription s = owned(owner, id, LockModeType.NONE);
        List<WebhookDelivery> items = WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by seq desc", s.id)
                .page(page, size).list();
        long total = WebhookDelivery.count("subscriptionId", s.id);
        return new WebhookViews.DeliveryPage(items.stream().map(WebhookViews.Delivery::of).toList(), page, size, total);
    }

    private static WebhookSubscription owned(String owner, UUID id, LockModeType lock) {
        WebhookSubscription s = id == null ? null : WebhookSubscription.findById(id, lock);
        if (s == null || !s.ownerSubject.equals(owner)) {
            throw ProblemException.notFound("Webhook subscription", String.valueOf(id));
        }
        return s;
    }

    private static Set<String> eventTypes(List<String> given, Set<String> known, List<Problem.FieldError> faults) {
        Set<String> types = new LinkedHashSet<>();
        if (given == null || given.isEmpty()) {
            faults.add(new Problem.FieldError("eventTypes", "must name at least one event type"));
            return types;
        }
        if (given.size() > MAX_EVENT_TYPES) {
            faults.add(new Problem.FieldError("eventTypes", "must name at most " + MAX_EVENT_TYPES + " event types"));
            return types;
        }
        for (int i = 0; i < given.size(); i++) {
            String type = given.get(i);
            if (type == null || !known.contains(type)) {
                faults.add(new Problem.FieldError("eventTypes[" + i + "]", "must be one of " + known.stream().sorted().toList()));
            } else {
                types.add(type);
            }
        }
        return types;
    }

    private String json(Object filter) {
        try {
            return mapper.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook filter cannot be serialised", e);
        }
    }
}
