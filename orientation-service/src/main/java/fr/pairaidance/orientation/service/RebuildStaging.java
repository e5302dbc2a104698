package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.persistence.LabelState;
import fr.pairaidance.orientation.persistence.RegistryState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The set-based half of {@link ReadModelRebuild}: every record of both topics goes, already mapped as
 * the live handlers map it, into a temporary table (batched multi-row inserts), in reading order
 * ({@code seq}). Then a few statements keep what the live handlers would have kept (first delivery of
 * an event id; per practitioner, after their last tombstone, the latest {@code occurredAt}, the later
 * record on a tie), write registry_state, label_state, the inbox rows and the listing.
 */
final class RebuildStaging implements AutoCloseable {

    private static final String REGISTRY_COLUMNS = "practitioner_id, registry_number, subject, status, public_name, "
            + "zone_code, department_code, region_code, modes, remote, listed, consent_version, commune_code, domains, "
            + "appellations, formats, languages, contact_email, contact_phone, occurred_at";
    private static final String LABEL_COLUMNS =
            "practitioner_id, label_id, label_number, registry_number, state, expires_on, occurred_at";
    private static final int BATCH = 2000;

    private final Connection connection;
    private final PreparedStatement registry;
    private final PreparedStatement label;
    private long seq;
    private int pending;

    RebuildStaging(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("create temp table rebuild_registry (like registry_state) on commit drop");
            s.execute("alter table rebuild_registry alter column registry_number drop not null, "
                    + "alter column status drop not null, " + stagingColumns());
            s.execute("create temp table rebuild_label (like label_state) on commit drop");
            s.execute("alter table rebuild_label alter column state drop not null, " + stagingColumns());
        }
        registry = connection.prepareStatement("insert into rebuild_registry (" + REGISTRY_COLUMNS
                + ", seq, event_id, tombstone) values (" + "?, ".repeat(22) + "?)");
        label = connection.prepareStatement("insert into rebuild_label (" + LABEL_COLUMNS
                + ", seq, event_id, tombstone) values (" + "?, ".repeat(9) + "?)");
    }

    private static String stagingColumns() {
        return "add column seq bigint not null, add column event_id varchar(200) not null, "
                + "add column tombstone boolean not null";
    }

    /** A registry record; {@code s} null for a tombstone. */
    void registry(UUID id, String eventId, RegistryState s) throws SQLException {
        PreparedStatement p = registry;
        p.setObject(1, id);
        p.setString(2, s == null ? null : s.registryNumber);
        p.setString(3, s == null ? null : s.subject);
        p.setString(4, s == null ? null : s.status);
        p.setString(5, s == null ? null : s.publicName);
        p.setString(6, s == null ? null : s.zoneCode);
        p.setString(7, s == null ? null : s.departmentCode);
        p.setString(8, s == null ? null : s.regionCode);
        array(p, 9, s == null ? null : s.modes);
        p.setBoolean(10, s != null && s.remote);
        p.setBoolean(11, s != null && s.listed);
        p.setObject(12, s == null ? null : s.consentVersion, Types.INTEGER);
        p.setString(13, s == null ? null : s.communeCode);
        array(p, 14, s == null ? null : s.domains);
        array(p, 15, s == null ? null : s.appellations);
        array(p, 16, s == null ? null : s.formats);
        array(p, 17, s == null ? null : s.languages);
        p.setString(18, s == null ? null : s.contactEmail);
        p.setString(19, s == null ? null : s.contactPhone);
        instant(p, 20, s == null ? null : s.occurredAt);
        staged(p, 21, eventId, s == null);
    }

    /** A label record; {@code s} null for a tombstone. */
    void label(UUID id, String eventId, LabelState s) throws SQLException {
        PreparedStatement p = label;
        p.setObject(1, id);
        p.setObject(2, s == null ? null : s.labelId);
        p.setString(3, s == null ? null : s.labelNumber);
        p.setString(4, s == null ? null : s.registryNumber);
        p.setString(5, s == null ? null : s.state);
        if (s == null || s.expiresOn == null) {
            p.setNull(6, Types.DATE);
        } else {
            p.setObject(6, s.expiresOn);
        }
        instant(p, 7, s == null ? null : s.occurredAt);
        staged(p, 8, eventId, s == null);
    }

    private void staged(PreparedStatement p, int index, String eventId, boolean tombstone) throws SQLException {
        p.setLong(index, ++seq);
        p.setString(index + 1, eventId);
        p.setBoolean(index + 2, tombstone);
        p.addBatch();
        if (++pending >= BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        registry.executeBatch();
        label.executeBatch();
        pending = 0;
    }

    /**
     * Writes the read model from what was staged (its tables must be empty).
     *
     * @return practitioners whose pending requests the live handlers would have closed (withdrawn,
     *         inactive, label withdrawn, tombstone)
     */
    Set<UUID> finish(String registryConsumer, String labelConsumer) throws SQLException {
        flush();
        try (Statement s = connection.createStatement()) {
            for (String table : List.of("rebuild_registry", "rebuild_label")) {
                s.execute("analyze " + table);
                // A redelivered event (same id) is dropped by the inbox: only its first delivery counts.
                s.execute("delete from " + table + " a using " + table + " b where a.event_id = b.event_id "
                        + "and a.seq > b.seq");
            }
            s.execute(latest("registry_state", REGISTRY_COLUMNS, "rebuild_registry"));
            s.execute(latest("label_state", LABEL_COLUMNS, "rebuild_label"));
            s.execute("insert into listing (practitioner_id, registry_number, public_name, commune_code, zone_code, "
                    + "department_code, region_code, modes, domains, appellations, formats, languages, remote, "
                    + "label_number, label_state, expires_on) "
                    + "select r.practitioner_id, r.registry_number, r.public_name, r.commune_code, r.zone_code, "
                    + "r.department_code, r.region_code, r.modes, r.domains, r.appellations, r.formats, r.languages, "
                    + "r.remote, l.label_number, l.state, l.expires_on from registry_state r "
                    + "join label_state l on l.practitioner_id = r.practitioner_id "
                    + "where r.status = 'ACTIVE' and r.listed and l.state in ('ACTIVE', 'RENEWAL_DUE') "
                    + "and l.label_number is not null");
        }
        inbox(registryConsumer, "rebuild_registry");
        inbox(labelConsumer, "rebuild_label");
        return toClose();
    }

    /**
     * Per practitioner, among the records after their last tombstone, the one the live handler keeps:
     * an event older than the stored state is ignored, so the latest occurredAt wins and, on a tie,
     * the later record. (Events without occurredAt, which the contract does not allow, rank last.)
     */
    private static String latest(String table, String columns, String staging) {
        return "insert into " + table + " (" + columns + ") select distinct on (practitioner_id) " + columns
                + " from (select *, max(case when tombstone then seq end) over (partition by practitioner_id) "
                + "as last_tombstone from " + staging + ") s where not tombstone and seq > coalesce(last_tombstone, 0) "
                + "order by practitioner_id, occurred_at desc nulls last, seq desc";
    }

    private void inbox(String consumer, String staging) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("insert into inbox_message (consumer, event_id, "
                + "received_at) select ?, event_id, now() from " + staging + " on conflict do nothing")) {
            p.setString(1, consumer);
            p.executeUpdate();
        }
    }

    private Set<UUID> toClose() throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select distinct q.practitioner_id from orientation_request q where q.status = 'PENDING' and ("
                        + "(exists (select 1 from rebuild_registry s where s.practitioner_id = q.practitioner_id) "
                        + "and not exists (select 1 from registry_state x where x.practitioner_id = q.practitioner_id "
                        + "and x.status = 'ACTIVE')) "
                        + "or (exists (select 1 from rebuild_label s where s.practitioner_id = q.practitioner_id) "
                        + "and not exists (select 1 from label_state x where x.practitioner_id = q.practitioner_id "
                        + "and x.state <> 'WITHDRAWN')))")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private void array(PreparedStatement p, int index, List<String> values) throws SQLException {
        if (values == null) {
            p.setNull(index, Types.ARRAY);
        } else {
            p.setArray(index, connection.createArrayOf("varchar", values.toArray()));
        }
    }

    private static void instant(PreparedStatement p, int index, Instant at) throws SQLException {
        if (at == null) {
            p.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    @Override
    public void close() throws SQLException {
        registry.close();
        label.close();
    }
}
