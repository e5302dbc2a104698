package fr.pairaidance.platform.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Turns an event into deliveries, in the transaction of the change it announces: one row per enabled
 * subscription that follows the event's type and one of its match keys, inserted first (unique per
 * subscription and event id), so that a redelivered event adds nothing. An event older than a subscription
 * (read late) is not delivered to it. The sender is woken after commit.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Event<DeliveriesAdded> added;

    WebhookFanOut(EntityManager em, ObjectMapper mapper, Clock clock, WebhookConfig config, Event<DeliveriesAdded> added) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.schedule = RetrySchedule.of(config);
        this.added = added;
    }

    /**
     * @param keys what the event is matched on (a label number; the typed areas of a listing)
     * @return the deliveries added
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publish(WebhookEvent event, Collection<String> keys) {
        return publish(keys, filterKeys -> event);
    }

    /**
     * For an event whose type depends on the subscription (a listing appeared in one area, left another):
     * {@code eventFor} is given each matching subscription's filter keys and returns its event, or null for none.
     *
     * @return the deliveries added
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publish(Collection<String> keys, Function<Set<String>, WebhookEvent> eventFor) {
        if (keys.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant firstAttempt = WebhookQueue.DELIVERY_CLOCK.instant().plus(schedule.first());
        int inserted = em.unwrap(Session.class).doReturningWork(connection -> {
            List<Object[]> rows = new ArrayList<>();
            Map<WebhookEvent, String> payloads = new HashMap<>();
            Array keyArray = connection.createArrayOf("text", keys.toArray());
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, event_types, filter_keys, created_at from webhook_subscription "
                            + "where enabled and filter_keys && ? order by created_at")) {
                select.setArray(1, keyArray);
                try (ResultSet subscriptions = select.executeQuery()) {
                    while (subscriptions.next()) {
                        Set<String> types = Set.of((String[]) subscriptions.getArray(2).getArray());
                        Set<String> filterKeys = Set.of((String[]) subscriptions.getArray(3).getArray());
                        WebhookEvent event = eventFor.apply(filterKeys);
                        Instant subscribedAt = subscriptions.getObject(4, OffsetDateTime.class).toInstant();
                        // A subscription gets the events that happened once it existed, not older ones read late.
                        if (event != null && types.contains(event.type()) && !event.timestamp().isBefore(subscribedAt)) {
                            String payload = payloads.computeIfAbsent(event, e -> e.payload(mapper));
                            rows.add(new Object[] {subscriptions.getObject(1), event, payload});
                        }
                    }
                }
            } finally {
                keyArray.free();
            }
            if (rows.isEmpty()) {
                return 0;
            }
            int size = rows.size();
            Object[] subscriptionIds = new Object[size];
            String[] eventIds = new String[size];
            String[] types = new String[size];
            String[] bodies = new String[size];
            for (int i = 0; i < size; i++) {
                WebhookEvent event = (WebhookEvent) rows.get(i)[1];
                subscriptionIds[i] = rows.get(i)[0];
                eventIds[i] = event.id();
                types[i] = event.type();
                bodies[i] = (String) rows.get(i)[2];
            }
            // One statement for every row (its count is exact, where a rewritten batch reports none).
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status, "
                            + "attempts, next_attempt_at, created_at) "
                            + "select gen_random_uuid(), s, e, t, p, 'PENDING', 0, ?, ? "
                            + "from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) with ordinality as r(s, e, t, p, n) "
                            + "order by n on conflict (subscription_id, event_id) do nothing")) {
                insert.setObject(1, OffsetDateTime.ofInstant(firstAttempt, ZoneOffset.UTC));
                insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setArray(3, connection.createArrayOf("uuid", subscriptionIds));
                insert.setArray(4, connection.createArrayOf("text", eventIds));
                insert.setArray(5, connection.createArrayOf("text", types));
                insert.setArray(6, connection.createArrayOf("text", bodies));
                return insert.executeUpdate();
            }
        });
        if (inserted > 0) {
            added.fire(DeliveriesAdded.INSTANCE);
        }
        return inserted;
    }

    /** Signal fired when deliveries are added; observed after commit by the sender. */
    public enum DeliveriesAdded { INSTANCE }
}
