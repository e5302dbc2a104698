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
 * from a database sequence, so they are unique across instances and never reused.
 */
@ApplicationScoped
public class RegistryNumbers {

    private final EntityManager em;
    private final RegistryConfig config;

    RegistryNumbers(EntityManager em, RegistryConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The next {@code count} numbers, taken from the sequence in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deque<String> next(int count, Instant at) {
        @SuppressWarnings("unchecked")
        List<Number> values = em.createNativeQuery("select nextval('registry_number_seq') from generate_series(1, ?1)")
                .setParameter(1, count)
                .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                .getResultList();
        int year = at.atZone(ZoneOffset.UTC).getYear();
        Deque<String> numbers = new ArrayDeque<>(count);
        values.forEach(v -> numbers.add(String.format("%s-%d-%06d", config.registryNumberPrefix(), year, v.longValue())));
        return numbers;
    }
}
