package fr.pairaidance.orientation.service;

import fr.pairaidance.platform.notify.PgListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * The version of the published listing (table {@code read_model_version}): bumped in the transaction
 * of every change to the listing, so that whoever reads it with the listing, in one snapshot, knows
 * exactly which state they read. Search answers and their ETags are keyed by it.
 *
 * <p>The latest committed version is held in memory: each commit of a bump announces the new version
 * (trigger, channel {@code read_model_version}) to every instance's {@link PgListener}, and this
 * instance's own bumps are taken as soon as they commit, so a search sees its own instance's changes
 * at once and other instances' within milliseconds. While the listener has no connection, the
 * version is read from the database for each search.
 */
@ApplicationScoped
public class ReadModelVersion {

    static final String CHANNEL = "read_model_version";
    private static final String SELECT = "select version from read_model_version where id = 1";

    private final EntityManager em;
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
    private volatile PgListener listener;

    ReadModelVersion(EntityManager em, DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent event) {
        listener = PgListener.start("orientation-read-model-version", List.of(CHANNEL), new PgListener.Subscriber() {
            @Override
            public void listening(Connection connection) throws SQLException {
                advanceTo(read(connection));
            }

            @Override
            public void notified(String channel, String payload) {
                advanceTo(Long.parseLong(payload));
            }

            @Override
            public void lost() {
                // current() reads the database until the listener is back
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        PgListener l = listener;
        if (l != null) {
            l.close();
        }
    }

    /**
     * Marks a change of the listing rows of {@code practitioners}, in the caller's transaction (the version row
     * stays locked until it ends), and records them in {@code listing_change} for the {@link ListingIndex}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump(Collection<UUID> practitioners) {
        record(practitioners.toArray(UUID[]::new));
    }

    /** Marks a change of the whole listing (a rebuild), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bumpAll() {
        record(new UUID[] {null});
    }

    private void record(UUID[] practitioners) {
        long bumped = ((Number) em.createNativeQuery(
                "update read_model_version set version = version + 1 where id = 1 returning version")
                .getSingleResult()).longValue();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into listing_change (version, practitioner_id) select ?, unnest(?::uuid[])")) {
                insert.setLong(1, bumped);
                insert.setArray(2, connection.createArrayOf("uuid", practitioners));
                insert.executeUpdate();
            }
            if (bumped % 1_000 == 0) {
                try (PreparedStatement prune = connection.prepareStatement(
                        "delete from listing_change where version <= ?")) {
                    prune.setLong(1, bumped - ListingIndex.KEPT_VERSIONS);
                    prune.executeUpdate();
                }
            }
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    advanceTo(bumped);
                }
            }
        });
    }

    /** The latest committed version: from memory while listening, else from the database. */
    public long current() {
        PgListener l = listener;
        long known = latest.get();
        if (l != null && l.listening() && known != Long.MIN_VALUE) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("read-model version unreadable [" + e.getSQLState() + "]", e);
        }
    }

    private void advanceTo(long version) {
        latest.accumulateAndGet(version, Math::max);
    }

    /** The version as seen by the connection's current snapshot. */
    static long read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("table read_model_version has no row");
            }
            return rs.getLong(1);
        }
    }
}
