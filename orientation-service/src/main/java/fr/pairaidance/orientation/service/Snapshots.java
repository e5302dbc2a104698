package fr.pairaidance.orientation.service;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Reads in one read-only, repeatable-read transaction of its own (outside JTA): everything read sees
 * the same committed state, and a cursor ({@code setFetchSize}) streams rows instead of loading them.
 */
final class Snapshots {

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Snapshots() {
    }

    static <T> T read(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
