package fr.pairaidance.orientation.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cache whose entries are each of one read-model version: once a newer version is stored, the entries
 * of older ones are dropped at once (no search reads them again, and until the least recently used went
 * they held the heap: with the listing changing several times a second they filled it). An entry read at
 * an older version than the newest seen is not stored.
 */
public final class VersionedCache {

    /** A key that says which version its entry is of. */
    public interface Key {
        long version();
    }

    private final CaffeineCache cache;
    private final AtomicLong newest = new AtomicLong(Long.MIN_VALUE);

    public VersionedCache(Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The entry of this key, or null. */
    public <T> T get(Key key) {
        CompletableFuture<T> cached = cache.getIfPresent(key);
        return cached == null ? null : cached.join();
    }

    public <T> void put(Key key, T value) {
        long version = key.version();
        long before = newest.getAndAccumulate(version, Math::max);
        if (version > before) {
            cache.invalidateIf(k -> k instanceof Key older && older.version() < version).await().indefinitely();
        } else if (version < before) {
            return;
        }
        cache.put(key, CompletableFuture.completedFuture(value));
    }
}
