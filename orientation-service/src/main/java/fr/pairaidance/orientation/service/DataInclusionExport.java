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
 * services, the regional structures, and every service one by one for the download (a cursor: the offer
 * is never held in memory). Each read is one read-only snapshot, so a page's items and its total agree.
 * The {@code date_maj} of a service is the day (Paris time) of the later of its practitioner's latest
 * registry and label events; a structure's is its latest service's.
 */
@ApplicationScoped
public class DataInclusionExport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int FETCH_SIZE = 500;
    private static final String FROM = " from listing l left join registry_state r on r.practitioner_id = l.practitioner_id"
            + " left join label_state b on b.practitioner_id = l.practitioner_id";
    private static final String SERVICES = "select l.registry_number, l.commune_code, l.zone_code, l.department_code, "
            + "l.region_code, l.modes, l.domains, l.appellations, l.formats, l.languages, l.remote, l.label_number, "
            + "l.expires_on, greatest(r.occurred_at, b.occurred_at) as updated_at" + FROM
            + " order by l.registry_number";
    private static final String STRUCTURES = "select l.region_code, max(greatest(r.occurred_at, b.occurred_at))" + FROM
            + " group by l.region_code order by l.region_code nulls last";

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

    public Page<InclusionService> services(int page, int size) {
        return inSnapshot(connection -> {
            long total;
            try (PreparedStatement s = connection.prepareStatement("select count(*) from listing");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<InclusionService> items = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(SERVICES + " limit ? offset ?")) {
                s.setInt(1, size);
                s.setLong(2, (long) (page - 1) * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(mapping.service(published(rs)));
                    }
                }
            }
            return new Page<>(items, total, page, size);
        });
    }

    /** Every service, in registry-number order, read by a cursor. */
    public void eachService(Sink<InclusionService> sink) throws IOException {
        IOException[] failed = new IOException[1];
        inSnapshot(connection -> {
            try (PreparedStatement s = connection.prepareStatement(SERVICES)) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(mapping.service(published(rs)));
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

    /** The regional structures of the regions with at least one published practitioner, by region code. */
    public List<InclusionStructure> structures() {
        return inSnapshot(connection -> {
            List<InclusionStructure> structures = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(STRUCTURES); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    structures.add(mapping.structure(rs.getString(1), day(rs.getTimestamp(2))));
                }
            }
            return structures;
        });
    }

    public Page<InclusionStructure> structures(int page, int size) {
        List<InclusionStructure> all = structures();
        int from = (int) Math.min(all.size(), (long) (page - 1) * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    private DataInclusionMapping.Published published(ResultSet rs) throws SQLException {
        return new DataInclusionMapping.Published(rs.getString("registry_number"), rs.getString("commune_code"),
                rs.getString("zone_code"), rs.getString("department_code"), rs.getString("region_code"),
                list(rs.getArray("modes")), list(rs.getArray("domains")), list(rs.getArray("appellations")),
                list(rs.getArray("formats")), list(rs.getArray("languages")), rs.getBoolean("remote"),
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
