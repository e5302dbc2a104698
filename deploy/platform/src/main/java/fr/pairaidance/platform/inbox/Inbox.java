package fr.pairaidance.platform.inbox;

import fr.pairaidance.platform.rest.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * Insert-first de-duplication of consumed events: the event ids are inserted in the same transaction
 * as the handler's effect, so a redelivered event changes nothing and a failed handler leaves no
 * trace (its inserts roll back with it).
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * How long a consumer transaction waits for any lock (a table lock held by a long maintenance
     * transaction, a row or advisory lock held by another consumer) before failing with SQL state 55P03,
     * a {@link fr.pairaidance.platform.failure.IsTransientFailure} that is retried: a wait never outlasts the
     * transaction timeout, which would end in a rollback taken for a poison message.
     */
    static final String LOCK_TIMEOUT = "5s";

    /**
     * Records the events' ids in one statement and returns the events this consumer sees for the
     * first time, in their order: the ones to apply. An id seen twice in the list counts once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncomingEvent> firstDeliveries(String consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> fresh = em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement timeout = connection.createStatement()) {
                timeout.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
            }
            Array ids = connection.createArrayOf("text", events.stream().map(IncomingEvent::id).toArray());
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into inbox_message (consumer, event_id, received_at) "
                            + "select ?, id, now() from unnest(?::text[]) as id "
                            + "on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            } finally {
                ids.free();
            }
        });
        List<IncomingEvent> firsts = new ArrayList<>(fresh.size());
        for (IncomingEvent event : events) {
            if (fresh.remove(event.id())) {
                firsts.add(event);
            }
        }
        return firsts;
    }

    /**
     * The skeleton of every event handler: records the events' ids (insert first) and hands each event this
     * consumer sees for the first time to {@code handling}, in order, in the caller's transaction, with the
     * event's correlation id in the log context.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handleFirstDeliveries(String consumer, List<IncomingEvent> events, Consumer<IncomingEvent> handling) {
        for (IncomingEvent event : firstDeliveries(consumer, events)) {
            CorrelationId.during(event.correlationId(), () -> handling.accept(event));
        }
    }
}
