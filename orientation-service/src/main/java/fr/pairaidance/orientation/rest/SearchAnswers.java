package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.service.SearchCriteria;
import fr.pairaidance.orientation.service.VersionedCache;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Whole search answers (the JSON body) per normalised criteria and read-model version: a repeated
 * search of an unchanged listing costs neither SQL nor serialisation. Any change of the listing bumps
 * the version, so an entry is never stale: the older versions' entries are dropped when a newer one is
 * stored, and the least recently used go first (cache {@code orientation-search-answers}, size in
 * application.properties).
 */
@ApplicationScoped
public class SearchAnswers {

    /** A serialised answer, exactly as of {@code version}. */
    public record Answer(long version, byte[] json, boolean areaHasMatches) {
    }

    private record Key(SearchCriteria criteria, long version) implements VersionedCache.Key {
    }

    private final VersionedCache cache;

    SearchAnswers(@CacheName("orientation-search-answers") Cache cache) {
        this.cache = new VersionedCache(cache);
    }

    /** The answer at {@code version} when this instance has it, else null. */
    public Answer cached(SearchCriteria criteria, long version) {
        return cache.get(new Key(criteria, version));
    }

    /**
     * The answer at {@code version}, or a computed one, which may be of a later version (it is cached
     * under the version it was read at).
     */
    public Answer get(SearchCriteria criteria, long version, Supplier<Answer> compute) {
        Answer cached = cached(criteria, version);
        if (cached != null) {
            return cached;
        }
        Answer answer = compute.get();
        cache.put(new Key(criteria, answer.version()), answer);
        return answer;
    }
}
