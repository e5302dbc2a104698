package fr.pairaidance.labelling.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.pairaidance.labelling.persistence.LabelVerificationRead;
import fr.pairaidance.platform.notify.PgListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the public verification reads of a label, kept in memory per label number: a public endpoint
 * that job boards and employers call far more often than labels change. Entries are dropped when
 * PostgreSQL announces that the label or its holder's public name changed (triggers, channels
 * {@code label_changed} and {@code label_holder_changed}, sent on commit to every instance), and at
 * once when this instance commits a change of the label. Unknown numbers are not cached.
 *
 * <p>While the listener has no connection nothing is read from or put in the cache, and it is emptied
 * when the listener is back. Entries also expire after {@link #AT_MOST}, a bound on staleness should a
 * notification ever be missed.
 */
@ApplicationScoped
public class VerificationCache {

    static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final String LABEL_CHANNEL = "label_changed";
    private static final String HOLDER_CHANNEL = "label_holder_changed";

    private final LabelVerificationRead labels;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<String, LabelVerificationRead.Row> rows = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(AT_MOST).recordStats().build();
    private volatile PgListener listener;

    VerificationCache(LabelVerificationRead labels, TransactionSynchronizationRegistry transactions,
            MeterRegistry meters) {
        this.labels = labels;
        this.transactions = transactions;
        // Hits and misses in /q/metrics (cache_gets_total{cache="labelling-verification",result}).
        CaffeineCacheMetrics.monitor(meters, rows, "labelling-verification");
    }

    void start(@Observes StartupEvent event) {
        listener = PgListener.start("labelling-verification-cache", List.of(LABEL_CHANNEL, HOLDER_CHANNEL),
                new PgListener.Subscriber() {
                    @Override
                    public void listening(Connection connection) {
                        rows.invalidateAll();
                    }

                    @Override
                    public void notified(String channel, String payload) {
                        if (LABEL_CHANNEL.equals(channel)) {
                            rows.invalidate(payload);
                        } else {
                            UUID holder = UUID.fromString(payload);
                            rows.asMap().values().removeIf(row -> holder.equals(row.practitionerId()));
                        }
                    }

                    @Override
                    public void lost() {
                        rows.invalidateAll();
                    }
                });
    }

    void stop(@Observes ShutdownEvent event) {
        PgListener l = listener;
        if (l != null) {
            l.close();
        }
    }

    /** The label's public facts and its holder's public name, from memory when known. */
    public Optional<LabelVerificationRead.Row> byNumber(String number) {
        PgListener l = listener;
        if (l == null || !l.listening()) {
            return labels.byNumber(number);
        }
        // Loaded under the entry's lock: an invalidation that arrives meanwhile waits, then drops it.
        return Optional.ofNullable(rows.get(number, n -> labels.byNumber(n).orElse(null)));
    }

    /** Drops the label's entry when the caller's transaction commits (this instance reads its own changes). */
    public void evictAfterCommit(String number) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                rows.invalidate(number);
            }
        });
    }
}
