package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.persistence.PractitionerLabel;
import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.persistence.RegistryState;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The stored states and listings of the practitioners a batch of events touches, locked and loaded
 * at the start of its transaction: one query per table instead of one per event. Events apply to
 * these maps, which hold what the transaction has made of each row (absent: no row).
 */
final class StoredStates {

    final Map<UUID, RegistryState> registry;
    final Map<UUID, PractitionerLabel> labels;
    final Map<UUID, Listing> listings;

    private StoredStates(Map<UUID, RegistryState> registry, Map<UUID, PractitionerLabel> labels,
            Map<UUID, Listing> listings) {
        this.registry = registry;
        this.labels = labels;
        this.listings = listings;
    }

    static StoredStates lockAndLoad(EntityManager em, Collection<UUID> practitionerIds) {
        lock(em, practitionerIds);
        List<UUID> ids = List.copyOf(practitionerIds);
        return new StoredStates(
                byId(RegistryState.<RegistryState>list("practitionerId in ?1", ids), s -> s.practitionerId),
                byId(PractitionerLabel.<PractitionerLabel>list("practitionerId in ?1", ids), s -> s.practitionerId),
                byId(Listing.<Listing>list("practitionerId in ?1", ids), l -> l.practitionerId));
    }

    /**
     * Serialises the two consumers on one practitioner: without it, a registry event and a label event
     * handled at the same time would each miss the other's uncommitted half and neither would publish.
     * The locks are taken in one fixed order, so two batches sharing practitioners wait for each other
     * instead of deadlocking.
     */
    private static void lock(EntityManager em, Collection<UUID> practitionerIds) {
        Long[] keys = practitionerIds.stream().map(StoredStates::lockKey).distinct().sorted().toArray(Long[]::new);
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("bigint", keys);
            try (PreparedStatement locks = connection.prepareStatement("select pg_advisory_xact_lock(key) "
                    + "from unnest(?::bigint[]) with ordinality as k(key, position) order by position")) {
                locks.setArray(1, array);
                locks.executeQuery().close();
            } finally {
                array.free();
            }
        });
    }

    private static long lockKey(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, HashMap::new));
    }
}
