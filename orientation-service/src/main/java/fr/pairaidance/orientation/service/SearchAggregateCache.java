package fr.pairaidance.orientation.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;

/**
 * The counts per level and the facets of a search (over the whole filtered set, the costly part of
 * a search) per filters and read-model version, and the part of them every area shares (the country's
 * remote practitioners) per filters but the area and version: any change of the listing bumps the
 * version, so an entry is never stale; the older versions' entries are dropped when a newer one is
 * stored, and the least recently used go first (cache
 * {@code orientation-search-aggregates}, size in application.properties).
 */
@ApplicationScoped
public class SearchAggregateCache {

    private record Key(SearchCriteria filters, long version) implements VersionedCache.Key {
    }

    private record RemoteKey(SearchCriteria filtersButArea, long version) implements VersionedCache.Key {
    }

    /** Computes a value on a miss. */
    interface Loader<T> {
        T load() throws SQLException;
    }

    private final VersionedCache cache;

    SearchAggregateCache(@CacheName("orientation-search-aggregates") Cache cache) {
        this.cache = new VersionedCache(cache);
    }

    /** The counts per level and facets of a search. */
    ListingSearch.Aggregates aggregates(SearchCriteria criteria, long version,
            Loader<ListingSearch.Aggregates> loader) throws SQLException {
        return get(new Key(criteria.allPages(), version), loader);
    }

    /** The country's remote practitioners matching a search's filters: the same for every area. */
    Tally remoteTally(SearchCriteria criteria, long version, Loader<Tally> loader) throws SQLException {
        return get(new RemoteKey(criteria.withoutArea(), version), loader);
    }

    private <T> T get(VersionedCache.Key key, Loader<T> loader) throws SQLException {
        T cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        T value = loader.load();
        cache.put(key, value);
        return value;
    }
}
