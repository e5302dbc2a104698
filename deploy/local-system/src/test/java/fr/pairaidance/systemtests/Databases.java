package fr.pairaidance.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads the services' databases directly, to compare a read model with its source. */
final class Databases {

    private Databases() {
    }

    /** The first two columns of each row of the query, as a map. */
    static Map<String, String> rows(String database, String sql) {
        Properties credentials = new Properties();
        credentials.put("user", "postgres");
        credentials.put("password", "postgres");
        Map<String, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(SystemUnderTest.get().jdbcUrl(database), credentials);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + database + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
