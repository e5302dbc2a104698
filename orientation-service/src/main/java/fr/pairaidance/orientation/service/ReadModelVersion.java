package fr.pairaidance.orientation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The version of the published listing (table {@code read_model_version}): bumped in the transaction
 * of every change to the listing, so that whoever reads it with the listing, in one snapshot, knows
 * exactly which state they read. Search answers and their ETags are keyed by it.
 */
@ApplicationScoped
public class ReadModelVersion {

    private static final String SELECT = "select version from read_model_version where id = 1";

    private final EntityManager em;
    private final DataSource dataSource;

    ReadModelVersion(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Marks a change of the listing, in the caller's transaction (the row stays locked until it ends). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        em.createNativeQuery("update read_model_version set version = version + 1 where id = 1").executeUpdate();
    }

    /** The latest committed version. */
    public long current() {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("read-model version unreadable [" + e.getSQLState() + "]", e);
        }
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
