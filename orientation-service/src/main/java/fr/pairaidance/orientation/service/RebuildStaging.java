package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.persistence.PractitionerLabel;
import fr.pairaidance.orientation.persistence.RegistryState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The set-based half of {@link ReadModelRebuild}: every record of both topics goes, already mapped as
 * the live handlers map it, into a temporary table, in reading order
 * ({@code seq}), through COPY ({@link CopyBuffer}). Then a few statements keep what the live handlers would have kept (first delivery of
 * an event id; per practitioner, after their last tombstone, the highest {@code version}, the first
 * record on a tie), write registry_state, label_state, the inbox rows and the listing.
 */
final class RebuildStaging {

    private static final String REGISTRY_COLUMNS = "practitioner_id, registry_number, subject, status, public_name, "
            + "zone_code, department_code, region_code, modes, remote, listed, consent_version, commune_code, domains, "
            + "appellations, formats, languages, contact_email, contact_phone, siret, employer_name, source_version, "
            + "occurred_at";
    private static final String LABEL_COLUMNS =
            "practitioner_id, label_id, label_number, registry_number, state, expires_on, source_version, occurred_at";
    /** The label states after which the live handler closes pending requests, as SQL literals. */
    private static final String ENDED_STATES = literals(PractitionerLabel.ENDED);
    /** The label states under which the live projection publishes a practitioner, as SQL literals. */
    private static final String PUBLISHABLE_STATES = literals(PractitionerLabel.PUBLISHABLE);

    private final Connection connection;
    private final CopyManager copy;
    private final CopyBuffer registry = new CopyBuffer("rebuild_registry", REGISTRY_COLUMNS);
    private final CopyBuffer label = new CopyBuffer("rebuild_label", LABEL_COLUMNS);
    private long seq;

    RebuildStaging(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = connection.createStatement()) {
            s.execute("create temp table rebuild_registry (like registry_state) on commit drop");
            s.execute("alter table rebuild_registry alter column registry_number drop not null, "
                    + "alter column status drop not null, " + stagingColumns());
            s.execute("create temp table rebuild_label (like label_state) on commit drop");
            s.execute("alter table rebuild_label alter column state drop not null, " + stagingColumns());
        }
    }

    private static String literals(java.util.Set<String> states) {
        return String.join(", ", states.stream().sorted().map(state -> "'" + state + "'").toList());
    }

    private static String stagingColumns() {
        return "add column seq bigint not null, add column event_id varchar(200) not null, "
                + "add column tombstone boolean not null";
    }

    /** A registry record; {@code s} null for a tombstone. */
    void registry(UUID id, String eventId, RegistryState s) throws SQLException {
        CopyBuffer b = registry.value(id);
        if (s == null) {
            b.nulls(8).value(false).value(false).nulls(10).value(0L).nulls(1);
        } else {
            b.value(s.registryNumber).value(s.subject).value(s.status).value(s.publicName).value(s.zoneCode)
                    .value(s.departmentCode).value(s.regionCode).array(s.modes).value(s.remote).value(s.listed)
                    .value(s.consentVersion).value(s.communeCode).array(s.domains).array(s.appellations)
                    .array(s.formats).array(s.languages).value(s.contactEmail).value(s.contactPhone)
                    .value(s.siret).value(s.employerName).value(s.sourceVersion).value(s.occurredAt);
        }
        staged(b, eventId, s == null);
    }

    /** A label record; {@code s} null for a tombstone. */
    void label(UUID id, String eventId, PractitionerLabel s) throws SQLException {
        CopyBuffer b = label.value(id);
        if (s == null) {
            b.nulls(5).value(0L).nulls(1);
        } else {
            b.value(s.labelId).value(s.labelNumber).value(s.registryNumber).value(s.state).value(s.expiresOn)
                    .value(s.sourceVersion).value(s.occurredAt);
        }
        staged(b, eventId, s == null);
    }

    private void staged(CopyBuffer b, String eventId, boolean tombstone) throws SQLException {
        b.value(++seq).value(eventId).value(tombstone).endRow();
        if (b.isFull()) {
            b.copyTo(copy);
        }
    }

    /**
     * Writes the read model from what was staged (its tables must be empty).
     *
     * @return practitioners whose pending requests the live handlers would have closed (withdrawn,
     *         inactive, label revoked, expired or withdrawn, tombstone)
     */
    Set<UUID> finish(String registryConsumer, String labelConsumer) throws SQLException {
        registry.copyTo(copy);
        label.copyTo(copy);
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
                    + "department_code, region_code, modes, domains, appellations, formats, languages, siret, "
                    + "employer_name, remote, label_number, label_state, expires_on) "
                    + "select r.practitioner_id, r.registry_number, r.public_name, r.commune_code, r.zone_code, "
                    + "r.department_code, r.region_code, r.modes, r.domains, r.appellations, r.formats, r.languages, "
                    + "r.siret, r.employer_name, r.remote, l.label_number, l.state, l.expires_on from registry_state r "
                    + "join label_state l on l.practitioner_id = r.practitioner_id "
                    + "where r.status = 'ACTIVE' and r.listed and l.state in (" + PUBLISHABLE_STATES + ") "
                    + "and l.label_number is not null");
        }
        inbox(registryConsumer, "rebuild_registry");
        inbox(labelConsumer, "rebuild_label");
        return toClose();
    }

    /**
     * Per practitioner, among the records after their last tombstone, the one the live handler keeps: an
     * event whose version is not above the stored state's is dropped ({@code EventPayload.isStale}), so the
     * highest version wins and, among equal versions, the first record read.
     */
    private static String latest(String table, String columns, String staging) {
        return "insert into " + table + " (" + columns + ") select distinct on (practitioner_id) " + columns
                + " from (select *, max(case when tombstone then seq end) over (partition by practitioner_id) "
                + "as last_tombstone from " + staging + ") s where not tombstone and seq > coalesce(last_tombstone, 0) "
                + "order by practitioner_id, source_version desc, seq asc";
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
                        + "and x.state not in (" + ENDED_STATES + "))))")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
