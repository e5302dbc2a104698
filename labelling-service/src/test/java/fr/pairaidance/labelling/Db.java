package fr.pairaidance.labelling;

import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads of the service's tables that tests need from any thread (Awaitility polls in its own). */
@ApplicationScoped
public class Db {

    @Inject
    DataSource dataSource;

    /** One statement in its own transaction (autocommit), as another instance or an operator would commit it. */
    public void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Optional<PractitionerEligibility> eligibility(String practitionerId) {
        Optional<PractitionerEligibility> found = PractitionerEligibility.findByIdOptional(UUID.fromString(practitionerId));
        found.ifPresent(e -> PractitionerEligibility.getEntityManager().detach(e));
        return found;
    }
}
