package fr.pairaidance.deploy;

import static fr.pairaidance.deploy.Repo.at;
import static fr.pairaidance.deploy.Repo.list;
import static fr.pairaidance.deploy.Repo.map;
import static fr.pairaidance.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml against the services, the event catalogue and the realm. */
class ComposeTest {

    private static final Path COMPOSE_DIR = Repo.path("deploy/compose");
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() {
        List<Map<String, Object>> docs = Repo.yamlDocuments(COMPOSE_DIR.resolve("compose.yaml"));
        assertEquals(1, docs.size(), "compose.yaml holds one document");
        services = map(docs.get(0).get("services"));
        assertFalse(services.isEmpty(), "compose.yaml has no services");
    }

    /** Compose interpolation with the defaults: ${NAME:-default} becomes default. */
    static String interpolate(String value) {
        return value == null ? null : value.replaceAll("\\$\\{[A-Za-z0-9_]+:-([^}]*)}", "$1");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(services.get(name));
        assertFalse(service.isEmpty(), "compose.yaml has no service " + name);
        return service;
    }

    @Test
    void everyContainerNamesAPinnedImageAndTheServicesUseTheJibImages() {
        services.forEach((name, s) -> {
            String image = interpolate(str(map(s).get("image")));
            assertNotNull(image, name + " has no image");
            assertTrue(image.matches("[^:]+:[A-Za-z0-9._-]+") && !image.endsWith(":latest"), name + ": unpinned image " + image);
        });
        for (String service : Repo.SERVICES) {
            assertEquals(Repo.image(service), interpolate(str(service(service).get("image"))), service + " image");
        }
        assertEquals("quay.io/keycloak/keycloak:" + Repo.pomProperty("keycloak.version"), str(service("keycloak").get("image")));
        assertTrue(str(service("postgres").get("image")).matches("postgres:17(\\..*)?"), "PostgreSQL 17");
        assertEquals(str(service("kafka").get("image")), str(service("kafka-topics").get("image")), "topic tool = broker version");
    }

    @Test
    void servicesPublishTheirOwnPortAndProbeTheirReadinessOnIt() {
        for (String service : Repo.SERVICES) {
            int port = Repo.port(service);
            List<Object> ports = list(service(service).get("ports"));
            assertTrue(ports.stream().map(String::valueOf).anyMatch(p -> p.equals(port + ":" + port)),
                    service + " must publish its port " + port + " as " + port + ", has " + ports);
            String test = String.join(" ", list(at(service(service), "healthcheck.test")).stream().map(String::valueOf).toList());
            assertTrue(test.contains("/q/health/ready"), service + " health check must call /q/health/ready: " + test);
            assertTrue(test.contains("/" + port + " ") || test.contains(":" + port + "/"), service + " health check must use port " + port);
        }
        Set<Integer> ports = new TreeSet<>();
        Repo.SERVICES.forEach(s -> ports.add(Repo.port(s)));
        assertEquals(Set.of(8081, 8082, 8083), ports, "the services' ports");
    }

    @Test
    void servicesSetOnlyKeysTheServicesRead() {
        Set<String> known = Repo.knownEnvNames();
        for (String service : Repo.SERVICES) {
            Map<String, Object> env = map(service(service).get("environment"));
            assertFalse(env.isEmpty(), service + " has no environment");
            for (String name : env.keySet()) {
                assertTrue(known.contains(name), service + ": " + name + " maps to no key the services read");
            }
            for (String key : Repo.SHARED_KEYS) {
                assertTrue(env.containsKey(Repo.envName(key)), service + " must set " + Repo.envName(key));
            }
            assertEquals("true", interpolate(str(env.get("PAIRAIDANCE_PLATFORM_OUTBOX_RELAY_ENABLED"))),
                    "the relay is on by default (off only with the cdc profile)");
        }
    }

    @Test
    void databasesAndRolesUsedByTheServicesAreCreatedByTheInitScript() {
        String init = initScripts();
        Set<String> databases = matches(init, "(?i)create\\s+database\\s+(\\w+)");
        Set<String> roles = matches(init, "(?i)create\\s+role\\s+(\\w+)");
        Set<String> used = new TreeSet<>();
        for (String service : Repo.SERVICES) {
            Map<String, Object> env = map(service(service).get("environment"));
            String url = str(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("postgres", Repo.hostOf(url), service + " database host");
            String db = Repo.databaseOf(url);
            assertEquals(Repo.database(service), db, service + ": same database name as application.properties");
            assertTrue(databases.contains(db), "database " + db + " is not created by deploy/compose/postgres-init");
            assertTrue(roles.contains(str(env.get("QUARKUS_DATASOURCE_USERNAME"))), service + ": unknown role");
            used.add(db);
        }
        assertEquals(3, used.size(), "one database per service");
        String mount = list(service("postgres").get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.endsWith(":/docker-entrypoint-initdb.d:ro")).findFirst().orElseThrow();
        assertTrue(Files.isDirectory(COMPOSE_DIR.resolve(mount.substring(0, mount.indexOf(':')))), "init scripts mount");
    }

    private static String initScripts() {
        StringBuilder sql = new StringBuilder();
        try (var files = Files.list(COMPOSE_DIR.resolve("postgres-init"))) {
            files.sorted().forEach(f -> sql.append(Repo.read(f)).append('\n'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sql.toString();
    }

    @Test
    void startOrderWaitsForHealthyDependencies() {
        services.forEach((name, s) -> {
            Object dependsOn = map(s).get("depends_on");
            if (dependsOn instanceof Map<?, ?> deps) {
                deps.forEach((dep, spec) -> {
                    assertTrue(services.containsKey(String.valueOf(dep)), name + " depends on unknown " + dep);
                    String condition = str(map(spec).get("condition"));
                    if ("service_healthy".equals(condition)) {
                        assertNotNull(at(map(services.get(String.valueOf(dep))), "healthcheck.test"),
                                name + " waits for " + dep + " to be healthy, but it has no health check");
                    } else {
                        assertEquals("service_completed_successfully", condition, name + " -> " + dep);
                    }
                });
            }
        });
        for (String service : Repo.SERVICES) {
            Map<String, Object> deps = map(service(service).get("depends_on"));
            assertEquals("service_healthy", str(at(deps, "postgres.condition")), service + " waits for PostgreSQL");
            assertEquals("service_healthy", str(at(deps, "keycloak.condition")), service + " waits for Keycloak");
            assertEquals("service_completed_successfully", str(at(deps, "kafka-topics.condition")), service + " waits for the topics");
        }
    }

    @Test
    void topicInitCreatesExactlyTheCatalogueTopicsAndCompactsThePersonalOnes() {
        String script = String.join("\n", list(service("kafka-topics").get("command")).stream().map(String::valueOf).toList());
        Map<String, String> created = new TreeMap<>();
        for (String line : script.split("\n")) {
            Matcher m = Pattern.compile("--topic\\s+(\\S+)").matcher(line);
            if (m.find()) {
                created.put(m.group(1), line);
            }
        }
        Repo.assertSameTopics("deploy/compose kafka-topics", created.keySet());
        Repo.catalogueTopics().forEach((topic, compacted) -> assertEquals(compacted,
                created.get(topic).contains("cleanup.policy=compact"), topic + " compaction"));
        Repo.dlqTopics().forEach(dlq -> assertTrue(created.get(dlq).contains("cleanup.policy=delete"), dlq + " must expire"));
        assertEquals("false", str(at(service("kafka"), "environment.KAFKA_AUTO_CREATE_TOPICS_ENABLE")),
                "only catalogue topics: no auto-creation");
        assertTrue(str(at(service("kafka"), "environment.KAFKA_PROCESS_ROLES")).contains("controller"), "KRaft mode");
    }

    @Test
    void keycloakImportsTheCommittedRealm() {
        Map<String, Object> keycloak = service("keycloak");
        List<String> command = list(keycloak.get("command")).stream().map(String::valueOf).toList();
        assertTrue(command.contains("start-dev") && command.contains("--import-realm"), "start-dev --import-realm: " + command);
        String mount = list(keycloak.get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.contains("/opt/keycloak/data/import/")).findFirst().orElseThrow();
        Path realm = COMPOSE_DIR.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        assertEquals(Repo.path("deploy/keycloak/pairaidance-realm.json"), realm, "the committed realm is mounted");
        assertTrue(Files.isRegularFile(realm), "realm file exists: " + realm);
        String realmName = str(Repo.json(realm).get("realm"));
        for (String service : Repo.SERVICES) {
            String url = str(at(service(service), "environment.QUARKUS_OIDC_AUTH_SERVER_URL"));
            assertTrue(url.startsWith("http://keycloak:8080/realms/" + realmName), service + " OIDC server " + url);
        }
        // The realm confirms addresses by mail: its SMTP placeholders name the mail container.
        assertTrue(str(at(Repo.json(realm), "smtpServer.host")).startsWith("${PAIRAIDANCE_SMTP_HOST"), "SMTP host placeholder");
        String smtp = str(at(keycloak, "environment.PAIRAIDANCE_SMTP_HOST"));
        assertTrue(services.containsKey(smtp), "the realm's SMTP host " + smtp + " is a container");
    }

    @Test
    void cdcProfileRegistersTheDebeziumConnectors() {
        Map<String, Object> connect = service("kafka-connect");
        Map<String, Object> register = service("debezium-connectors");
        assertEquals(List.of("cdc"), connect.get("profiles"));
        assertEquals(List.of("cdc"), register.get("profiles"));
        String mount = list(register.get("volumes")).stream().map(String::valueOf).findFirst().orElseThrow();
        Path dir = COMPOSE_DIR.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        assertEquals(Repo.path("deploy/debezium"), dir, "connector configurations mounted");
        Map<String, Object> env = new LinkedHashMap<>(map(connect.get("environment")));
        assertEquals("org.apache.kafka.common.config.provider.EnvVarConfigProvider", env.get("CONNECT_CONFIG_PROVIDERS_ENV_CLASS"));
        // The password placeholder of the connector files is provided.
        for (Path file : DebeziumTest.connectorFiles()) {
            String password = str(map(Repo.json(file).get("config")).get("database.password"));
            Matcher m = Pattern.compile("\\$\\{env:([A-Z_]+)}").matcher(password);
            assertTrue(m.matches() && env.containsKey(m.group(1)), file.getFileName() + ": password from the environment of kafka-connect");
        }
        assertTrue(initScripts().matches("(?s).*create role debezium[^;]*replication.*"), "debezium replication role");
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
