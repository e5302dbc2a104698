package fr.pairaidance.orientation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain SQL reads of the service's database, for assertions on what the API does not show. */
final class Db {

    private Db() {
    }

    /** The first column of every row, as text. */
    static List<String> column(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement in its own transaction (autocommit), as another instance or an operator would. */
    static void execute(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource ds, String sql, Object... params) {
        return Long.parseLong(column(ds, sql, params).get(0));
    }

    /** The read model's three tables as text, to compare a live model with a rebuilt one. */
    static String readModel(DataSource ds) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("registry_state", "label_state", "listing")) {
            List<String> rows = column(ds, "select row_to_json(t)::text from " + table + " t order by practitioner_id");
            all.append(table).append(rows).append('\n');
        }
        return all.toString();
    }

    /** {@link #readModel} once it stays the same between two looks (the consumers have caught up). */
    static String settledReadModel(DataSource ds) {
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(700)).until(() -> {
                    String now = readModel(ds);
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }
}
