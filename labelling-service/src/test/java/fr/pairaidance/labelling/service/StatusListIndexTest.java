package fr.pairaidance.labelling.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatusListIndexTest {

    @Test
    void everyRankOfAListGetsItsOwnIndexInRangeWhateverTheListsPermutation() {
        SplittableRandom random = new SplittableRandom(17);
        for (int list = 0; list < 50; list++) {
            int multiplier = random.nextInt(StatusLists.SIZE / 2) * 2 + 1;
            int mask = random.nextInt(StatusLists.SIZE);
            BitSet given = new BitSet(StatusLists.SIZE);
            for (int rank = 0; rank < StatusLists.FILL_LIMIT; rank++) {
                int index = StatusLists.index(rank, multiplier, mask);
                assertTrue(index >= 0 && index < StatusLists.SIZE, "index " + index + " in range");
                assertTrue(!given.get(index), "index " + index + " given twice (multiplier " + multiplier + ")");
                given.set(index);
            }
            assertEquals(StatusLists.FILL_LIMIT, given.cardinality());
        }
    }

    @Test
    void consecutiveRanksDoNotGiveConsecutiveIndexes() {
        // A verifier reading two indexes must not learn that the credentials were issued one after the other.
        int multiplier = 0x2f5a1;
        int mask = 0x1b3c7;
        int adjacent = 0;
        for (int rank = 0; rank < 1000; rank++) {
            if (Math.abs(StatusLists.index(rank + 1, multiplier, mask) - StatusLists.index(rank, multiplier, mask)) == 1) {
                adjacent++;
            }
        }
        assertTrue(adjacent < 10, adjacent + " consecutive ranks got adjacent indexes");
    }
}
