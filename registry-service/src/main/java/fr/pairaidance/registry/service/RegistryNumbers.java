package fr.pairaidance.registry.service;

import fr.pairaidance.registry.config.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

/**
 * Public registry numbers such as {@code PA-2026-004213}: prefix, year of registration and a number
 * from a database sequence, so they are unique across instances and never reused. The sequence
 * increments by a block (V2: 50): one {@code nextval} reserves the block starting at its value, and
 * the numbers of the block are then assigned from memory, without a round trip.
 */
@ApplicationScoped
public class RegistryNumbers {

    private static final String SEQUENCE = "registry_number_seq";

    private final EntityManager em;
    private final RegistryConfig config;
    /** Reserved numbers not assigned yet, as ranges [next, end) in order. */
    private final Deque<long[]> reserved = new ArrayDeque<>();
    private long available;
    private long blockSize;

    RegistryNumbers(EntityManager em, RegistryConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The next {@code count} numbers, reserving the blocks they need in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public synchronized Deque<String> next(int count, Instant at) {
        if (available < count) {
            long size = blockSize();
            reserve((count - available + size - 1) / size, size);
        }
        int year = at.atZone(ZoneOffset.UTC).getYear();
        Deque<String> numbers = new ArrayDeque<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(String.format("%s-%d-%06d", config.registryNumberPrefix(), year, take()));
        }
        return numbers;
    }

    private void reserve(long blocks, long size) {
        List<?> starts = query("select nextval('" + SEQUENCE + "') from generate_series(1, ?1)")
                .setParameter(1, blocks).getResultList();
        for (Object start : starts) {
            long first = ((Number) start).longValue();
            reserved.add(new long[] {first, first + size});
            available += size;
        }
    }

    private long take() {
        long[] range = reserved.element();
        long number = range[0]++;
        if (range[0] == range[1]) {
            reserved.remove();
        }
        available--;
        return number;
    }

    /** The sequence's increment, read once: how many numbers one nextval reserves. */
    private long blockSize() {
        if (blockSize == 0) {
            blockSize = ((Number) query("select increment_by from pg_sequences where schemaname = current_schema() "
                    + "and sequencename = '" + SEQUENCE + "'").getSingleResult()).longValue();
        }
        return blockSize;
    }

    private NativeQuery<?> query(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL);
    }
}
