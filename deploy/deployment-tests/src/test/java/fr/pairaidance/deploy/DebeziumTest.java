package fr.pairaidance.deploy;

import static fr.pairaidance.deploy.Repo.map;
import static fr.pairaidance.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/debezium/*.json: the outbox event router over the platform's outbox_event table. */
class DebeziumTest {

    static List<Path> connectorFiles() {
        try (Stream<Path> files = Files.list(Repo.path("deploy/debezium"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-outbox-connector.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns of outbox_event in the platform's migration (db/platform). */
    static Set<String> outboxColumns() {
        String sql;
        try (Stream<Path> files = Files.list(Repo.path("deploy/platform/src/main/resources/db/platform"))) {
            sql = files.sorted().map(Repo::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher table = Pattern.compile("(?is)create table outbox_event\\s*\\((.*?)\\);").matcher(sql);
        assertTrue(table.find(), "no outbox_event table in the platform migrations");
        Set<String> columns = new TreeSet<>();
        for (String line : table.group(1).split("\n")) {
            Matcher column = Pattern.compile("^\\s*([a-z_]+)\\s+\\w").matcher(line);
            if (column.find()) {
                columns.add(column.group(1));
            }
        }
        return columns;
    }

    @Test
    void oneConnectorPerServiceDatabase() {
        Set<String> databases = new TreeSet<>();
        Set<String> slots = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (Path file : connectorFiles()) {
            Map<String, Object> config = map(Repo.json(file).get("config"));
            databases.add(str(config.get("database.dbname")));
            assertTrue(slots.add(str(config.get("slot.name"))), file + ": replication slot names must differ");
            assertTrue(prefixes.add(str(config.get("topic.prefix"))), file + ": topic prefixes must differ");
        }
        Set<String> expected = new TreeSet<>();
        Repo.SERVICES.forEach(s -> expected.add(Repo.database(s)));
        assertEquals(expected, databases, "one Debezium connector per service database");
    }

    @Test
    void connectorsRouteTheOutboxByAggregateType() {
        Set<String> columns = outboxColumns();
        assertTrue(columns.containsAll(Set.of("id", "aggregatetype", "aggregateid", "type", "payload")), "outbox columns: " + columns);
        for (Path file : connectorFiles()) {
            Map<String, Object> config = map(Repo.json(file).get("config"));
            checkOutboxRouter(file.getFileName().toString(), config, columns);
            assertEquals("false", str(config.get("tombstones.on.delete")), file + ": deleting captured rows publishes nothing");
        }
    }

    /** Shared with the Strimzi KafkaConnector resources. */
    static void checkOutboxRouter(String where, Map<String, Object> config, Set<String> columns) {
        assertEquals("io.debezium.connector.postgresql.PostgresConnector",
                str(config.getOrDefault("connector.class", "io.debezium.connector.postgresql.PostgresConnector")), where);
        assertEquals("public.outbox_event", str(config.get("table.include.list")), where + ": captures only the outbox table");
        assertEquals("pgoutput", str(config.get("plugin.name")), where);
        List<String> transforms = Arrays.asList(str(config.get("transforms")).split(","));
        String router = transforms.stream()
                .filter(t -> "io.debezium.transforms.outbox.EventRouter".equals(str(config.get("transforms." + t + ".type"))))
                .findFirst().orElseThrow(() -> new AssertionError(where + ": no outbox EventRouter in the transforms"));
        String p = "transforms." + router + ".";
        assertEquals("aggregatetype", str(config.get(p + "route.by.field")), where + ": topic = aggregate type");
        assertEquals("${routedByValue}", str(config.get(p + "route.topic.replacement")), where + ": topic name as is");
        assertEquals("aggregateid", str(config.get(p + "table.field.event.key")), where + ": key = aggregate id");
        assertEquals("true", str(config.get(p + "route.tombstone.on.empty.payload")), where + ": null payload = tombstone");
        for (String field : List.of("table.field.event.id", "table.field.event.key", "table.field.event.payload", "route.by.field")) {
            String column = str(config.getOrDefault(p + field, field.endsWith("payload") ? "payload" : "id"));
            assertTrue(columns.contains(column), where + ": " + field + " names no outbox column: " + column);
        }
        Map<String, String> headers = new java.util.HashMap<>();
        for (String placement : str(config.get(p + "table.fields.additional.placement")).split(",")) {
            String[] parts = placement.trim().split(":");
            assertEquals("header", parts[1], where + ": " + placement);
            assertTrue(columns.contains(parts[0]), where + ": placement of an unknown column " + parts[0]);
            headers.put(parts[2], parts[0]);
        }
        // CloudEvents binary mode, as the in-service relay writes it (deploy/docs/events.md).
        assertEquals("id", headers.get("ce_id"), where);
        assertEquals("type", headers.get("ce_type"), where);
        assertEquals("aggregateid", headers.get("ce_subject"), where);
        assertEquals("occurred_at", headers.get("ce_time"), where);
        assertEquals("correlation_id", headers.get("ce_correlationid"), where);
        assertEquals("org.apache.kafka.connect.storage.StringConverter", str(config.get("value.converter")), where + ": JSON payload as is");
        assertEquals("org.apache.kafka.connect.storage.StringConverter", str(config.get("key.converter")), where + ": string keys");
        Set<String> literalHeaders = new TreeSet<>();
        for (String t : transforms) {
            if ("org.apache.kafka.connect.transforms.InsertHeader".equals(str(config.get("transforms." + t + ".type")))) {
                literalHeaders.add(str(config.get("transforms." + t + ".header")));
            }
        }
        assertTrue(literalHeaders.containsAll(Set.of("ce_specversion", "ce_source", "content-type")), where + ": " + literalHeaders);
    }

    @Test
    void ceSourceIsTheServicesEventSource() {
        for (String service : Repo.SERVICES) {
            Path file = Repo.path("deploy/debezium/" + Repo.database(service) + "-outbox-connector.json");
            Map<String, Object> config = map(Repo.json(file).get("config"));
            String source = null;
            for (String t : str(config.get("transforms")).split(",")) {
                if ("ce_source".equals(str(config.get("transforms." + t + ".header")))) {
                    source = str(config.get("transforms." + t + ".value.literal"));
                }
            }
            assertEquals(Repo.eventSource(service), source, service + ": ce_source of events published by Debezium");
        }
    }
}
