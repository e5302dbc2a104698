package fr.pairaidance.labelling.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the public verification reads of a label and its holder, in ONE statement through the pool
 * (no Hibernate session, no managed entity): the hot path of a public, read-only endpoint.
 */
@ApplicationScoped
public class LabelVerificationRead {

    /**
     * The label's public facts and its holder's public name (null once they left the register); its domains
     * only when the holder consented to publish them (health data), empty otherwise.
     */
    public record Row(UUID labelId, UUID practitionerId, LabelState state, List<String> domains, List<String> appellations,
            Instant grantedAt, LocalDate expiresOn, LocalDate suspendedUntil, String holderName) {
    }

    private static final String SQL = "select l.id, l.practitioner_id, l.state,"
            + " case when e.domains_published then l.domains end, l.appellations, l.granted_at, l.expires_on,"
            + " l.suspended_until, e.public_name from label l "
            + "left join practitioner_eligibility e on e.practitioner_id = l.practitioner_id where l.number = ?";

    private final DataSource dataSource;

    LabelVerificationRead(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Row> byNumber(String number) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, number);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        LabelState.valueOf(rs.getString(3)), list(rs.getArray(4)), list(rs.getArray(5)),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("label verification read failed [" + e.getSQLState() + "]", e);
        }
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
