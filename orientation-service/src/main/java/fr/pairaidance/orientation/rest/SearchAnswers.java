package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.service.SearchCriteria;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Whole search answers (the JSON body) per normalised criteria and read-model version: a repeated
 * search of an unchanged listing costs neither SQL nor serialisation. Any change of the listing bumps
 * the version, so an entry is never stale, only unused; the least recently used go first (cache
 * {@code orientation-search-answers}, size in application.properties).
 */
@ApplicationScoped
public class SearchAnswers {

    /** A serialised answer, exactly as of {@code version}. */
    public record Answer(long version, byte[] json, boolean areaHasMatches) {
    }

    private record Key(SearchCriteria criteria, long version) {
    }

    private final CaffeineCache cache;

    SearchAnswers(@CacheName("orientation-search-answers") Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The answer at {@code version} when this instance has it, else null. */
    public Answer cached(SearchCriteria criteria, long version) {
        CompletableFuture<Answer> cached = cache.getIfPresent(new Key(criteria, version));
        return cached == null ? null : cached.join();
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
        cache.put(new Key(criteria, answer.version()), CompletableFuture.completedFuture(answer));
        return answer;
    }
}
