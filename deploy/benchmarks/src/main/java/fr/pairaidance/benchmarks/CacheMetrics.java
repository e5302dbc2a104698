package fr.pairaidance.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hits and misses of a service's caches, from its Prometheus metrics ({@code cache_gets_total} per
 * cache and result), read before and after a run: the hit rates the run saw. Orientation's listing index
 * is read the same way ({@code orientation_search_aggregates_total} per source): a hit is a search whose
 * counts and facets the index gave, a miss one left to SQL.
 */
final class CacheMetrics {

    /** The name the listing index's figures are reported under. */
    static final String LISTING_INDEX = "orientation-listing-index";

    private CacheMetrics() {
    }

    /** Per cache: {hits, misses} so far. */
    static Map<String, long[]> read(String serviceUrl) {
        Map<String, long[]> gets = new LinkedHashMap<>();
        Http.Reply reply = Http.get(serviceUrl + "/q/metrics", null);
        if (!reply.ok()) {
            return gets;
        }
        reply.body().lines().filter(l -> l.startsWith("cache_gets_total{")).forEach(line -> {
            String cache = label(line, "cache");
            String result = label(line, "result");
            long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            long[] counts = gets.computeIfAbsent(cache, k -> new long[2]);
            if ("hit".equals(result)) {
                counts[0] += value;
            } else if ("miss".equals(result)) {
                counts[1] += value;
            }
        });
        reply.body().lines().filter(l -> l.startsWith("orientation_search_aggregates_total{")).forEach(line -> {
            long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            gets.computeIfAbsent(LISTING_INDEX, k -> new long[2])["index".equals(label(line, "source")) ? 0 : 1] += value;
        });
        return gets;
    }

    /** Per cache, the share of gets that hit between two readings, and how many gets. */
    static Map<String, Object> hitRates(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, Object> m = new LinkedHashMap<>();
        after.forEach((cache, counts) -> {
            long[] was = before.getOrDefault(cache, new long[2]);
            long hits = counts[0] - was[0];
            long misses = counts[1] - was[1];
            if (hits + misses > 0) {
                m.put(cache, Map.of("hitRate", Stats.round((double) hits / (hits + misses), 3), "gets",
                        hits + misses));
            }
        });
        return m;
    }

    private static String label(String line, String name) {
        int at = line.indexOf(name + "=\"");
        if (at < 0) {
            return "";
        }
        int start = at + name.length() + 2;
        return line.substring(start, line.indexOf('"', start));
    }
}
