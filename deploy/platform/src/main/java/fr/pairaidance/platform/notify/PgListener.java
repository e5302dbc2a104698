package fr.pairaidance.platform.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One PostgreSQL connection of its own, outside the pool, LISTENing on channels and handing every
 * NOTIFY to a {@link Subscriber}: how an instance learns, milliseconds after the commit, of changes
 * any instance made, so that it can answer hot reads from memory. PostgreSQL sends a notification
 * only when the transaction that raised it commits, and queues those that arrive between LISTEN and
 * the next read, so a subscriber that reads the state it keeps right after {@link Subscriber#listening}
 * misses nothing.
 *
 * <p>When the connection is lost (database away, backend terminated, or the liveness query every
 * {@link #CHECK_EVERY} fails) the subscriber is told at once and must stop trusting its memory until
 * {@link Subscriber#listening} is called again on a new connection (retried with backoff, up to 5 s).
 */
public final class PgListener implements AutoCloseable {

    /** What a listener tells its owner, always on the listener's own thread. */
    public interface Subscriber {
        /** Listening on a (new) connection: read the current state on it; nothing from now on is missed. */
        void listening(Connection connection) throws SQLException;

        void notified(String channel, String payload);

        /** The connection is lost: notifications may be missed until {@link #listening} is called again. */
        void lost();
    }

    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(PgListener.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final String name;
    private final String url;
    private final Properties properties;
    private final List<String> channels;
    private final Subscriber subscriber;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection connection;

    private PgListener(String name, String url, Properties properties, List<String> channels, Subscriber subscriber) {
        this.name = name;
        this.url = url;
        this.properties = properties;
        this.channels = List.copyOf(channels);
        this.subscriber = subscriber;
        this.thread = new Thread(this::run, "pg-listener-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening with the service's default datasource settings ({@code quarkus.datasource.*}).
     *
     * @param name     names the thread and the connection ({@code application_name}) in {@code pg_stat_activity}
     * @param channels channel names, plain identifiers
     */
    public static PgListener start(String name, List<String> channels, Subscriber subscriber) {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", name);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        for (String channel : channels) {
            if (!channel.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("channel must be a plain identifier: " + channel);
            }
        }
        PgListener listener = new PgListener(name, config.getValue("quarkus.datasource.jdbc.url", String.class),
                properties, channels, subscriber);
        listener.thread.start();
        return listener;
    }

    /** Whether every notification since the last {@link Subscriber#listening} has been delivered or is queued. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MS;
        while (running) {
            try (Connection c = new Driver().connect(url, properties)) {
                if (c == null) {
                    throw new SQLException("not a PostgreSQL URL: " + url);
                }
                connection = c;
                try (Statement statement = c.createStatement()) {
                    for (String channel : channels) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                subscriber.listening(c);
                listening = true;
                LOG.debugf("listener %s listening on %s", name, channels);
                backoff = FIRST_BACKOFF_MS;
                deliver(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("listener %s: connection lost or refused (%s); answers are read from the database "
                            + "until it is back", name, e instanceof SQLException s ? "SQL state " + s.getSQLState()
                            : e.getClass().getSimpleName());
                }
            } finally {
                connection = null;
                if (listening) {
                    listening = false;
                    subscriber.lost();
                }
            }
            if (running) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff)); // reconnect backoff, not a test wait
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private void deliver(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(1_000);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    subscriber.notified(n.getName(), n.getParameter());
                }
            }
            if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("select 1"); // a half-open connection would otherwise wait silently
                }
                checked = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("listener %s: close failed (%s)", name, e.getSQLState());
            }
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
