package fr.pairaidance.orientation.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * The counts per level and the facets of a search (over the whole filtered set, the costly part of
 * a search) per filters and read-model version: any change of the listing bumps the version, so an
 * entry is never stale, only unused; the least recently used go first (cache
 * {@code orientation-search-aggregates}, size in application.properties).
 */
@ApplicationScoped
public class SearchAggregateCache {

    private record Key(SearchCriteria filters, long version) {
    }

    /** Computes the aggregates on a miss. */
    interface Loader {
        PractitionerSearch.Aggregates load() throws SQLException;
    }

    private final CaffeineCache cache;

    SearchAggregateCache(@CacheName("orientation-search-aggregates") Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    PractitionerSearch.Aggregates get(SearchCriteria criteria, long version, Loader loader) throws SQLException {
        Key key = new Key(criteria.allPages(), version);
        CompletableFuture<PractitionerSearch.Aggregates> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached.join();
        }
        PractitionerSearch.Aggregates aggregates = loader.load();
        cache.put(key, CompletableFuture.completedFuture(aggregates));
        return aggregates;
    }
}
