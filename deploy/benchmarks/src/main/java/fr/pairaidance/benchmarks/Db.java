package fr.pairaidance.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Read-only looks into the services' databases: progress of asynchronous work (outbox drained, events
 * applied by consumers, listing rows) and the ids the bulk import assigned. Nothing is written here:
 * every write goes through the services' APIs.
 */
final class Db {

    private final Options options;

    Db(Options options) {
        this.options = options;
    }

    Connection connect(String database) {
        try {
            return DriverManager.getConnection(options.jdbcUrl(database), options.pgUser(), options.pgPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to database " + database + " at "
                    + options.jdbcUrl(database) + ": " + e.getMessage(), e);
        }
    }

    long count(String database, String sql, Object... params) {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }

    List<String[]> rows(String database, String sql, Object... params) {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }

    /** Registry numbers among the given ones that are in orientation's listing (what search reads). */
    static Set<String> listed(Connection orientation, Set<String> registryNumbers) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement s = orientation.prepareStatement(
                "select registry_number from listing where registry_number = any(?)")) {
            Array array = orientation.createArrayOf("varchar", registryNumbers.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** Waits until the query's count reaches the target; returns the seconds waited, or -1 on timeout. */
    double awaitCount(String database, String sql, long target, long timeoutSeconds, Object... params) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
            if (count(database, sql, params) >= target) {
                return (System.nanoTime() - start) / 1e9;
            }
            Pause.pause(100);
        }
        return -1;
    }

    /** Waits until the service's outbox is empty (every event handed to Kafka). */
    double awaitOutboxEmpty(String database, long timeoutSeconds) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
            if (count(database, "select count(*) from outbox_event") == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Pause.pause(50);
        }
        return -1;
    }
}
