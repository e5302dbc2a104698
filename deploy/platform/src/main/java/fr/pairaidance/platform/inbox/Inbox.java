package fr.pairaidance.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Insert-first de-duplication of consumed events: the event id is inserted in the same transaction
 * as the handler's effect, so a redelivered event changes nothing and a failed handler leaves no
 * trace (its insert rolls back with it).
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    Inbox(EntityManager em) {
        this.em = em;
    }

    /** @return true when this consumer sees the event for the first time and must apply it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return em.createNativeQuery("insert into inbox_message (consumer, event_id, received_at) "
                        + "values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .executeUpdate() == 1;
    }
}
