package fr.pairaidance.orientation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The columns hold exactly the practitioners put and not removed since, with their latest attributes. */
class ListingColumnsTest {

    @Test
    void holdsWhatWasPutAndNotRemovedThroughGrowthAndRemovals() {
        Random random = new Random(7);
        ListingColumns columns = new ListingColumns();
        Map<UUID, Long> expected = new HashMap<>();
        List<UUID> known = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            int action = random.nextInt(10);
            if (action < 5 || known.isEmpty()) {
                UUID id = action == 0 && !known.isEmpty() ? known.get(random.nextInt(known.size())) : UUID.randomUUID();
                long tags = random.nextLong();
                columns.put(id, (short) (tags & 0xff), (short) 1, (short) 2, tags, ~tags);
                if (expected.put(id, tags) == null) {
                    known.add(id);
                }
            } else {
                int i = random.nextInt(known.size());
                UUID id = known.get(i);
                known.set(i, known.get(known.size() - 1));
                known.remove(known.size() - 1);
                columns.remove(id);
                expected.remove(id);
                columns.remove(id); // a second removal changes nothing
            }
            if (step % 20_000 == 0) {
                assertSame(expected, columns);
            }
        }
        assertSame(expected, columns);
        for (UUID id : known) {
            columns.remove(id);
        }
        assertEquals(0, columns.size());
        known.forEach(id -> assertEquals(false, columns.contains(id)));
    }

    private static void assertSame(Map<UUID, Long> expected, ListingColumns columns) {
        assertEquals(expected.size(), columns.size());
        expected.keySet().forEach(id -> assertEquals(true, columns.contains(id), id.toString()));
        Map<Long, Long> held = new HashMap<>();
        for (int slot = 0; slot < columns.size(); slot++) {
            assertEquals(columns.tags(slot) & 0xff, columns.zone(slot));
            assertEquals(~columns.tags(slot), columns.languages(slot));
            held.merge(columns.tags(slot), 1L, Long::sum);
        }
        assertEquals(expected.values().stream().collect(Collectors.groupingBy(t -> t, Collectors.counting())), held);
    }
}
