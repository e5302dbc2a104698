package fr.pairaidance.orientation.service;

import java.util.Arrays;
import java.util.UUID;

/**
 * The listing's searchable attributes, one array per attribute and one array index (a slot) per listed
 * practitioner, about 46 bytes a practitioner: area codes as dictionary numbers, the coded lists as
 * bitmasks. Slots are dense: a removed practitioner's slot takes the last one's. Practitioners are found
 * by id through an open-addressing table (linear probing, deletion by backward shift) over the id columns.
 * Not thread-safe: {@link ListingIndex} guards it.
 */
final class ListingColumns {

    /** No area code (the practitioner did not publish it). */
    static final short NO_CODE = -1;

    private int size;
    private long[] idHigh = new long[0];
    private long[] idLow = new long[0];
    private short[] zones = new short[0];
    private short[] departments = new short[0];
    private short[] regions = new short[0];
    private long[] tags = new long[0];
    private long[] languages = new long[0];
    /** Slot + 1 of the practitioner whose id hashes there, 0 when free; its length is a power of two. */
    private int[] table = new int[16];

    int size() {
        return size;
    }

    void clear() {
        size = 0;
        Arrays.fill(table, 0);
    }

    /** Adds or replaces a practitioner's attributes. */
    void put(UUID id, short zone, short department, short region, long tag, long language) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        int position = find(high, low);
        int slot;
        if (table[position] != 0) {
            slot = table[position] - 1;
        } else {
            slot = size++;
            ensureCapacity(size);
            idHigh[slot] = high;
            idLow[slot] = low;
            if (size * 2 > table.length) {
                rehash(table.length * 2);
            } else {
                table[position] = slot + 1;
            }
        }
        zones[slot] = zone;
        departments[slot] = department;
        regions[slot] = region;
        tags[slot] = tag;
        languages[slot] = language;
    }

    /** Removes a practitioner, if held. */
    void remove(UUID id) {
        int position = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (table[position] == 0) {
            return;
        }
        int slot = table[position] - 1;
        deleteAt(position);
        int last = --size;
        if (slot != last) {
            table[find(idHigh[last], idLow[last])] = slot + 1;
            idHigh[slot] = idHigh[last];
            idLow[slot] = idLow[last];
            zones[slot] = zones[last];
            departments[slot] = departments[last];
            regions[slot] = regions[last];
            tags[slot] = tags[last];
            languages[slot] = languages[last];
        }
    }

    boolean contains(UUID id) {
        return table[find(id.getMostSignificantBits(), id.getLeastSignificantBits())] != 0;
    }

    short zone(int slot) {
        return zones[slot];
    }

    short department(int slot) {
        return departments[slot];
    }

    short region(int slot) {
        return regions[slot];
    }

    long tags(int slot) {
        return tags[slot];
    }

    long languages(int slot) {
        return languages[slot];
    }

    /** The table position holding the id, or the free one where it would go. */
    private int find(long high, long low) {
        int mask = table.length - 1;
        int position = hash(high, low) & mask;
        while (table[position] != 0) {
            int slot = table[position] - 1;
            if (idHigh[slot] == high && idLow[slot] == low) {
                return position;
            }
            position = (position + 1) & mask;
        }
        return position;
    }

    /** Frees a table position, moving back the entries after it that would no longer be found. */
    private void deleteAt(int position) {
        int mask = table.length - 1;
        int gap = position;
        for (int i = (position + 1) & mask; table[i] != 0; i = (i + 1) & mask) {
            int slot = table[i] - 1;
            int home = hash(idHigh[slot], idLow[slot]) & mask;
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                table[gap] = table[i];
                gap = i;
            }
        }
        table[gap] = 0;
    }

    private void rehash(int length) {
        table = new int[length];
        int mask = length - 1;
        for (int slot = 0; slot < size; slot++) {
            int position = hash(idHigh[slot], idLow[slot]) & mask;
            while (table[position] != 0) {
                position = (position + 1) & mask;
            }
            table[position] = slot + 1;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= tags.length) {
            return;
        }
        int capacity = Math.max(needed, tags.length + (tags.length >> 1) + 16);
        idHigh = Arrays.copyOf(idHigh, capacity);
        idLow = Arrays.copyOf(idLow, capacity);
        zones = Arrays.copyOf(zones, capacity);
        departments = Arrays.copyOf(departments, capacity);
        regions = Arrays.copyOf(regions, capacity);
        tags = Arrays.copyOf(tags, capacity);
        languages = Arrays.copyOf(languages, capacity);
    }

    private static int hash(long high, long low) {
        long h = (high ^ low) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
