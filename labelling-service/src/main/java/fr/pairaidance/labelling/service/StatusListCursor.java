package fr.pairaidance.labelling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Takes the next entry of the open status list in a transaction of its own, committed at once: the
 * list's row is locked only for that update, so grants in parallel do not wait for each other. An entry
 * whose credential is never inserted (its grant rolled back) stays unused.
 */
@ApplicationScoped
class StatusListCursor {

    /** The list, the entry's rank in it (from 0), and the list's permutation. */
    record Taken(int list, int rank, int multiplier, int mask) {
    }

    private final SecureRandom random = new SecureRandom();
    private final EntityManager em;
    private final Clock clock;

    StatusListCursor(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Taken next() {
        while (true) {
            // The outer condition is checked again on the row once locked: a list filled meanwhile is skipped.
            @SuppressWarnings("unchecked")
            List<Object[]> taken = em.createNativeQuery("""
                    update status_list set allocated = allocated + 1
                    where id = (select id from status_list where multiplier is not null and allocated < ?1
                                order by id limit 1)
                      and allocated < ?1
                    returning id, allocated - 1, multiplier, mask""")
                    .setParameter(1, StatusLists.FILL_LIMIT).getResultList();
            if (!taken.isEmpty()) {
                Object[] row = taken.get(0);
                return new Taken(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue(), ((Number) row[3]).intValue());
            }
            em.createNativeQuery("""
                    insert into status_list (id, updated_at, multiplier, mask)
                    select coalesce(max(id), 0) + 1, ?1, ?2, ?3 from status_list
                    on conflict do nothing""")
                    .setParameter(1, clock.instant())
                    .setParameter(2, random.nextInt(StatusLists.SIZE / 2) * 2 + 1)
                    .setParameter(3, random.nextInt(StatusLists.SIZE)).executeUpdate();
        }
    }
}
