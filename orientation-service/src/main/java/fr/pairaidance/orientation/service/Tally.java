package fr.pairaidance.orientation.service;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongBinaryOperator;

/**
 * How many listed practitioners a set of rows holds, and how many per domain, mode and format (the
 * facets). Sets are added and subtracted: an area search's aggregates are the area's rows plus the
 * country's remote practitioners less the remote ones already in the area. Values counted 0 are left out,
 * as a count grouped in SQL leaves them out. Read-only once built (shared by the aggregate cache).
 */
record Tally(long count, Map<String, Long> domains, Map<String, Long> modes, Map<String, Long> formats) {

    static final Tally EMPTY = new Tally(0, Map.of(), Map.of(), Map.of());

    Tally {
        domains = Collections.unmodifiableMap(new TreeMap<>(domains));
        modes = Collections.unmodifiableMap(new TreeMap<>(modes));
        formats = Collections.unmodifiableMap(new TreeMap<>(formats));
    }

    Tally plus(Tally other) {
        return combine(other, Long::sum);
    }

    Tally minus(Tally other) {
        return combine(other, (a, b) -> a - b);
    }

    SearchResult.Facets facets() {
        return new SearchResult.Facets(domains, modes, formats);
    }

    private Tally combine(Tally other, LongBinaryOperator op) {
        return new Tally(op.applyAsLong(count, other.count), combine(domains, other.domains, op),
                combine(modes, other.modes, op), combine(formats, other.formats, op));
    }

    private static Map<String, Long> combine(Map<String, Long> left, Map<String, Long> right, LongBinaryOperator op) {
        Map<String, Long> result = new TreeMap<>(left);
        right.forEach((value, count) -> result.put(value, op.applyAsLong(result.getOrDefault(value, 0L), count)));
        result.values().removeIf(count -> count <= 0);
        return result;
    }
}
