package fr.pairaidance.orientation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the published listing for the data·inclusion export ({@link DataInclusionMapping}): pages of
 * services and of structures, and every service or structure one by one for the downloads (a cursor: the
 * offer is never held in memory). Each read is one read-only snapshot, so a page's items and its total agree.
 * The {@code date_maj} of a service is the day (Paris time) of the later of its practitioner's latest
 * registry and label events; a structure's is its latest service's. Structures are grouped by
 * {@link DataInclusionMapping#STRUCTURE_KEY}, so a service's {@code structure_id} is always among them.
 */
@ApplicationScoped
public class DataInclusionExport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int FETCH_SIZE = 500;
    private static final String FROM = " from listing l left join registry_state r on r.practitioner_id = l.practitioner_id"
            + " left join label_state b on b.practitioner_id = l.practitioner_id";
    private static final String PUBLISHED = "select l.registry_number, l.commune_code, l.zone_code, "
            + "l.department_code, l.region_code, l.modes, l.domains, l.appellations, l.formats, l.languages, l.siret, "
            + "l.employer_name, " + DataInclusionMapping.STRUCTURE_KEY + " as structure_key, l.remote, l.label_number, "
            + "l.expires_on, greatest(r.occurred_at, b.occurred_at) as updated_at" + FROM;
    private static final String SERVICES = PUBLISHED + " order by l.registry_number";
    /** One row per structure: its first service (lowest registry number) and the latest change of any. */
    private static final String STRUCTURES = "select distinct on (structure_key) *, max(updated_at) over (partition by "
            + "structure_key) as structure_updated_at from (" + PUBLISHED + ") p order by structure_key, registry_number";
    private static final String STRUCTURE_COUNT = "select count(distinct " + DataInclusionMapping.STRUCTURE_KEY
            + ") from listing l";

    private final DataSource dataSource;
    private final DataInclusionMapping mapping;
    private final Clock clock;

    DataInclusionExport(DataSource dataSource, DataInclusionMapping mapping, Clock clock) {
        this.dataSource = dataSource;
        this.mapping = mapping;
        this.clock = clock;
    }

    /** One page of items (page from 1) and the total they are part of. */
    public record Page<T>(List<T> items, long total, int page, int size) {

        /** How many pages of this size the total makes. */
        public long pages() {
            return (total + size - 1) / size;
        }
    }

    /** Receives the exported items one by one; may fail writing them out. */
    public interface Sink<T> {
        void accept(T item) throws IOException;
    }

    /** A query's rows as exported items. */
    private interface Rows<T> {
        T item(ResultSet rs) throws SQLException;
    }

    public Page<InclusionService> services(int page, int size) {
        return page("select count(*) from listing", SERVICES, this::service, page, size);
    }

    /** Every service, in registry-number order, read by a cursor. */
    public void eachService(Sink<InclusionService> sink) throws IOException {
        each(SERVICES, this::service, sink);
    }

    /** The structures of the published services (organisations, regional platforms), by structure key. */
    public Page<InclusionStructure> structures(int page, int size) {
        return page(STRUCTURE_COUNT, STRUCTURES, this::structure, page, size);
    }

    /** Every structure, by structure key, read by a cursor. */
    public void eachStructure(Sink<InclusionStructure> sink) throws IOException {
        each(STRUCTURES, this::structure, sink);
    }

    private InclusionService service(ResultSet rs) throws SQLException {
        return mapping.service(published(rs));
    }

    private InclusionStructure structure(ResultSet rs) throws SQLException {
        return mapping.structure(published(rs), day(rs.getTimestamp("structure_updated_at")));
    }

    private <T> Page<T> page(String count, String query, Rows<T> rows, int page, int size) {
        return inSnapshot(connection -> {
            long total;
            try (PreparedStatement s = connection.prepareStatement(count); ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<T> items = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(query + " limit ? offset ?")) {
                s.setInt(1, size);
                s.setLong(2, (long) (page - 1) * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(rows.item(rs));
                    }
                }
            }
            return new Page<>(items, total, page, size);
        });
    }

    private <T> void each(String query, Rows<T> rows, Sink<T> sink) throws IOException {
        IOException[] failed = new IOException[1];
        inSnapshot(connection -> {
            try (PreparedStatement s = connection.prepareStatement(query)) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rows.item(rs));
                    }
                }
            } catch (IOException e) {
                failed[0] = e; // the client went away: the snapshot is closed all the same
            }
            return null;
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private DataInclusionMapping.Published published(ResultSet rs) throws SQLException {
        return new DataInclusionMapping.Published(rs.getString("registry_number"), rs.getString("commune_code"),
                rs.getString("zone_code"), rs.getString("department_code"), rs.getString("region_code"),
                list(rs.getArray("modes")), list(rs.getArray("domains")), list(rs.getArray("appellations")),
                list(rs.getArray("formats")), list(rs.getArray("languages")), rs.getString("siret"),
                rs.getString("employer_name"), rs.getString("structure_key"), rs.getBoolean("remote"),
                rs.getString("label_number"), rs.getObject("expires_on", LocalDate.class),
                day(rs.getTimestamp("updated_at")));
    }

    /** The day of an event in Paris; today for a state without a time (the contract requires one). */
    private LocalDate day(Timestamp at) {
        return at == null ? LocalDate.now(clock.withZone(PARIS)) : at.toInstant().atZone(PARIS).toLocalDate();
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private <T> T inSnapshot(Snapshots.Work<T> work) {
        try {
            return Snapshots.read(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("data·inclusion export failed [" + e.getSQLState() + "]", e);
        }
    }
}
