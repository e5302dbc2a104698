package fr.pairaidance.deploy;

import static fr.pairaidance.deploy.Repo.at;
import static fr.pairaidance.deploy.Repo.list;
import static fr.pairaidance.deploy.Repo.map;
import static fr.pairaidance.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes (kustomize: base = relay, cdc = Debezium) against the services, the event
 * catalogue, the realm and deploy/debezium. Reads the source manifests; kustomize itself is not needed.
 */
class KubernetesTest {

    private static final Path K8S = Repo.path("deploy/kubernetes");
    /** Resources of base, by "Kind/name". */
    private static final Map<String, Map<String, Object>> BASE = new TreeMap<>();
    /** Resources and patches of the cdc overlay's own files. */
    private static final Map<String, Map<String, Object>> CDC = new TreeMap<>();

    @BeforeAll
    static void parse() {
        // Every YAML file parses (also those no kustomization lists yet).
        for (Path file : Repo.yamlFiles("deploy/kubernetes")) {
            assertFalse(Repo.yamlDocuments(file).isEmpty(), "empty manifest " + K8S.relativize(file));
        }
        load(K8S.resolve("base"), BASE);
        load(K8S.resolve("cdc"), CDC);
    }

    private static void load(Path dir, Map<String, Map<String, Object>> into) {
        Map<String, Object> kustomization = Repo.yamlDocuments(dir.resolve("kustomization.yaml")).get(0);
        List<String> files = new ArrayList<>();
        list(kustomization.get("resources")).forEach(r -> files.add(str(r)));
        list(kustomization.get("patches")).forEach(p -> {
            if (map(p).get("path") != null) {
                files.add(str(map(p).get("path")));
            }
        });
        for (String file : files) {
            Path path = dir.resolve(file);
            if (Files.isDirectory(path)) {
                continue; // another kustomization, loaded on its own
            }
            for (Map<String, Object> doc : Repo.yamlDocuments(path)) {
                String key = doc.get("kind") + "/" + at(doc, "metadata.name");
                if (into.containsKey(key) && !dir.endsWith("cdc")) {
                    throw new AssertionError("duplicate resource " + key);
                }
                into.put(key, doc);
            }
        }
    }

    private static List<Map<String, Object>> ofKind(Map<String, Map<String, Object>> resources, String kind) {
        return resources.values().stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static Map<String, Object> get(Map<String, Map<String, Object>> resources, String kind, String name) {
        Map<String, Object> resource = resources.get(kind + "/" + name);
        assertNotNull(resource, "no " + kind + " " + name);
        return resource;
    }

    @Test
    void everyKustomizationReferenceExists() {
        for (Path file : Repo.yamlFiles("deploy/kubernetes")) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            Map<String, Object> k = Repo.yamlDocuments(file).get(0);
            List<String> refs = new ArrayList<>();
            list(k.get("resources")).forEach(r -> refs.add(str(r)));
            list(k.get("components")).forEach(r -> refs.add(str(r)));
            list(k.get("patches")).forEach(p -> {
                if (map(p).get("path") != null) {
                    refs.add(str(map(p).get("path")));
                }
            });
            assertFalse(refs.isEmpty(), file + " references nothing");
            for (String ref : refs) {
                Path target = file.getParent().resolve(ref);
                assertTrue(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")),
                        K8S.relativize(file) + " references missing " + ref);
            }
        }
        // Every manifest of base is used by base (no forgotten file).
        Set<String> listed = new TreeSet<>();
        Map<String, Object> base = Repo.yamlDocuments(K8S.resolve("base/kustomization.yaml")).get(0);
        list(base.get("resources")).forEach(r -> listed.add(str(r)));
        for (Path file : Repo.yamlFiles("deploy/kubernetes/base")) {
            String rel = K8S.resolve("base").relativize(file).toString().replace('\\', '/');
            assertTrue(rel.equals("kustomization.yaml") || listed.contains(rel), "base/" + rel + " is not in base/kustomization.yaml");
        }
    }

    @Test
    void deploymentsRunTheJibImagesOnTheServicesPortsWithProbesAndResources() {
        assertEquals(Set.copyOf(Repo.SERVICES),
                Set.copyOf(ofKind(BASE, "Deployment").stream().map(d -> str(at(d, "metadata.name"))).toList()), "one Deployment per service");
        for (String service : Repo.SERVICES) {
            Map<String, Object> deployment = get(BASE, "Deployment", service);
            List<Object> containers = list(at(deployment, "spec.template.spec.containers"));
            assertEquals(1, containers.size(), service);
            Map<String, Object> c = map(containers.get(0));
            assertEquals(Repo.image(service), str(c.get("image")), service + " image");
            int port = Repo.port(service);
            Map<String, Object> containerPort = map(list(c.get("ports")).get(0));
            assertEquals(port, ((Number) containerPort.get("containerPort")).intValue(), service + " container port");
            String portName = str(containerPort.get("name"));
            checkProbe(service, c, "readinessProbe", "/q/health/ready", port, portName);
            checkProbe(service, c, "livenessProbe", "/q/health/live", port, portName);
            if (c.get("startupProbe") != null) {
                String path = str(at(map(c.get("startupProbe")), "httpGet.path"));
                assertTrue(Set.of("/q/health/live", "/q/health/started").contains(path), service + " startup probe " + path);
            }
            assertNotNull(at(c, "resources.requests.cpu"), service + " CPU request");
            assertNotNull(at(c, "resources.requests.memory"), service + " memory request");
            assertNotNull(at(c, "resources.limits.memory"), service + " memory limit");
            Map<String, Object> selector = map(at(deployment, "spec.selector.matchLabels"));
            Map<String, Object> podLabels = map(at(deployment, "spec.template.metadata.labels"));
            selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), service + ": selector matches the pod labels"));
            Map<String, Object> annotations = map(at(deployment, "spec.template.metadata.annotations"));
            assertEquals(String.valueOf(port), str(annotations.get("prometheus.io/port")), service + " metrics port");
            assertEquals("/q/metrics", str(annotations.get("prometheus.io/path")), service + " metrics path");

            Map<String, Object> svc = get(BASE, "Service", service);
            assertEquals(selector, map(at(svc, "spec.selector")), service + " Service selects the pods");
            Map<String, Object> svcPort = map(list(at(svc, "spec.ports")).get(0));
            assertEquals(port, ((Number) svcPort.get("port")).intValue(), service + " Service port");
            assertTrue(String.valueOf(port).equals(str(svcPort.get("targetPort"))) || portName.equals(str(svcPort.get("targetPort"))),
                    service + " Service targets the container port");
        }
        // The kustomize images block keeps the names the Jib build produces.
        Map<String, Object> base = Repo.yamlDocuments(K8S.resolve("base/kustomization.yaml")).get(0);
        for (Object entry : list(base.get("images"))) {
            String name = str(map(entry).get("name"));
            String service = name.substring(name.lastIndexOf('/') + 1);
            assertTrue(Repo.SERVICES.contains(service), "images: unknown " + name);
            assertEquals(Repo.image(service), name + ":" + Repo.projectVersion(), "images: " + name);
        }
    }

    private static void checkProbe(String service, Map<String, Object> container, String probe, String path, int port, String portName) {
        Map<String, Object> httpGet = map(at(map(container.get(probe)), "httpGet"));
        assertEquals(path, str(httpGet.get("path")), service + " " + probe);
        String probePort = str(httpGet.get("port"));
        assertTrue(String.valueOf(port).equals(probePort) || portName.equals(probePort), service + " " + probe + " port " + probePort);
    }

    @Test
    void servicesSetOnlyKeysTheServicesReadAndUseTheirOwnDatabaseCluster() {
        Set<String> known = Repo.knownEnvNames();
        for (String service : Repo.SERVICES) {
            Map<String, Object> c = map(list(at(get(BASE, "Deployment", service), "spec.template.spec.containers")).get(0));
            Map<String, Object> env = new LinkedHashMap<>();
            for (Object from : list(c.get("envFrom"))) {
                String cm = str(at(map(from), "configMapRef.name"));
                assertNotNull(cm, service + ": only ConfigMaps in envFrom");
                env.putAll(map(at(get(BASE, "ConfigMap", cm), "data")));
            }
            Map<String, Map<String, Object>> explicit = new LinkedHashMap<>();
            for (Object e : list(c.get("env"))) {
                explicit.put(str(map(e).get("name")), map(e));
                env.put(str(map(e).get("name")), map(e).get("value"));
            }
            for (String name : env.keySet()) {
                assertTrue(known.contains(name), service + ": " + name + " maps to no key the services read");
            }
            for (String key : Repo.SHARED_KEYS) {
                assertTrue(env.containsKey(Repo.envName(key)), service + " must set " + Repo.envName(key));
            }
            String url = str(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            String cluster = Repo.hostOf(url).replaceAll("-(rw|ro|r)$", "");
            Map<String, Object> db = get(BASE, "Cluster", cluster);
            assertTrue(Repo.hostOf(url).endsWith("-rw"), service + " writes to the primary (-rw)");
            assertEquals(Repo.database(service), Repo.databaseOf(url), service + ": same database name as application.properties");
            assertEquals(Repo.database(service), str(at(db, "spec.bootstrap.initdb.database")), cluster + " creates the service's database");
            for (String secretVar : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals(cluster + "-app", str(at(explicit.get(secretVar), "valueFrom.secretKeyRef.name")),
                        service + ": " + secretVar + " from CloudNativePG's app secret");
            }
        }
        assertEquals("true", str(at(get(BASE, "ConfigMap", "pairaidance-config"), "data.PAIRAIDANCE_PLATFORM_OUTBOX_RELAY_ENABLED")),
                "the relay publishes in the default layout");
    }

    @Test
    void statelessServicesAutoscaleAndSurviveDisruptions() {
        for (String service : Repo.SERVICES) {
            Map<String, Object> deployment = get(BASE, "Deployment", service);
            Map<String, Object> hpa = ofKind(BASE, "HorizontalPodAutoscaler").stream()
                    .filter(h -> service.equals(str(at(h, "spec.scaleTargetRef.name")))).findFirst()
                    .orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler for " + service));
            assertEquals("Deployment", str(at(hpa, "spec.scaleTargetRef.kind")));
            int min = ((Number) at(hpa, "spec.minReplicas")).intValue();
            int max = ((Number) at(hpa, "spec.maxReplicas")).intValue();
            assertTrue(min >= 2 && max > min, service + " HPA " + min + ".." + max);
            Map<String, Object> pdb = ofKind(BASE, "PodDisruptionBudget").stream()
                    .filter(p -> map(at(p, "spec.selector.matchLabels")).equals(map(at(deployment, "spec.selector.matchLabels"))))
                    .findFirst().orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + service));
            Object maxUnavailable = at(pdb, "spec.maxUnavailable");
            Object minAvailable = at(pdb, "spec.minAvailable");
            assertTrue(maxUnavailable != null && ((Number) maxUnavailable).intValue() < min
                    || minAvailable != null && ((Number) minAvailable).intValue() >= 1, service + " PDB keeps a pod");
        }
    }

    @Test
    void kafkaHasThreeBrokersReplicationThreeAndMinInsyncTwo() {
        List<Map<String, Object>> kafkas = ofKind(BASE, "Kafka");
        assertEquals(1, kafkas.size());
        Map<String, Object> kafka = kafkas.get(0);
        String cluster = str(at(kafka, "metadata.name"));
        int brokers = 0;
        int controllers = 0;
        for (Map<String, Object> pool : ofKind(BASE, "KafkaNodePool")) {
            assertEquals(cluster, str(map(at(pool, "metadata.labels")).get("strimzi.io/cluster")), "node pool of the cluster");
            List<Object> roles = list(at(pool, "spec.roles"));
            int replicas = ((Number) at(pool, "spec.replicas")).intValue();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertTrue(brokers >= 3, "three brokers, has " + brokers);
        assertTrue(controllers >= 3 && controllers % 2 == 1, "an odd KRaft quorum of at least 3, has " + controllers);
        Map<String, Object> config = map(at(kafka, "spec.kafka.config"));
        assertEquals(3, ((Number) config.get("default.replication.factor")).intValue());
        assertEquals(2, ((Number) config.get("min.insync.replicas")).intValue());
        assertEquals(3, ((Number) config.get("offsets.topic.replication.factor")).intValue());
        assertEquals(Boolean.FALSE, config.get("auto.create.topics.enable"), "topics only from KafkaTopic resources");
        String bootstrap = str(at(get(BASE, "ConfigMap", "pairaidance-config"), "data.KAFKA_BOOTSTRAP_SERVERS"));
        String plainPort = list(at(kafka, "spec.kafka.listeners")).stream().map(Repo::map)
                .filter(l -> Boolean.FALSE.equals(l.get("tls"))).map(l -> str(l.get("port"))).findFirst().orElseThrow();
        assertEquals(cluster + "-kafka-bootstrap:" + plainPort, bootstrap, "services use the cluster's bootstrap service");
        // The same Kafka as compose.
        String composeKafka = str(at(map(Repo.yamlDocuments(Repo.path("deploy/compose/compose.yaml")).get(0).get("services")), "kafka.image"));
        assertEquals("apache/kafka:" + at(kafka, "spec.kafka.version"), composeKafka, "Kafka version in compose and Strimzi");
    }

    @Test
    void kafkaTopicsAreExactlyTheCatalogueAndTheDeadLetterTopics() {
        String cluster = str(at(ofKind(BASE, "Kafka").get(0), "metadata.name"));
        Map<String, Map<String, Object>> topics = new TreeMap<>();
        for (Map<String, Object> t : ofKind(BASE, "KafkaTopic")) {
            String name = str(at(t, "spec.topicName")) != null ? str(at(t, "spec.topicName")) : str(at(t, "metadata.name"));
            assertNull(topics.put(name, t), "two KafkaTopics for " + name);
            assertEquals(cluster, str(map(at(t, "metadata.labels")).get("strimzi.io/cluster")), name + " belongs to the cluster");
            assertEquals(3, ((Number) at(t, "spec.replicas")).intValue(), name + " replication factor");
            assertEquals(2, ((Number) map(at(t, "spec.config")).get("min.insync.replicas")).intValue(), name + " min.insync.replicas");
            assertTrue(((Number) at(t, "spec.partitions")).intValue() >= 1, name + " partitions");
        }
        Repo.assertSameTopics("deploy/kubernetes KafkaTopics", topics.keySet());
        Repo.catalogueTopics().forEach((topic, compacted) -> {
            Map<String, Object> config = map(at(topics.get(topic), "spec.config"));
            assertEquals(compacted ? "compact" : "delete", str(config.get("cleanup.policy")), topic + " cleanup.policy");
            if (compacted) {
                assertNotNull(config.get("max.compaction.lag.ms"), topic + ": erasure within a bounded delay");
            }
        });
        for (String dlq : Repo.dlqTopics()) {
            Map<String, Object> config = map(at(topics.get(dlq), "spec.config"));
            assertEquals("delete", str(config.get("cleanup.policy")), dlq);
            assertNotNull(config.get("retention.ms"), dlq + " retention");
        }
        // Catalogue topics are spread over the three brokers (and allow as many consumers per group).
        Repo.catalogueTopics().forEach((topic, compacted) -> assertTrue(
                ((Number) at(topics.get(topic), "spec.partitions")).intValue() >= 3, topic + " spread over the 3 brokers"));
    }

    @Test
    void everyDatabaseClusterHasAReplica() {
        List<Map<String, Object>> clusters = ofKind(BASE, "Cluster");
        Set<String> databases = new TreeSet<>();
        for (Map<String, Object> cluster : clusters) {
            assertEquals("postgresql.cnpg.io/v1", str(cluster.get("apiVersion")));
            assertTrue(((Number) at(cluster, "spec.instances")).intValue() >= 2, at(cluster, "metadata.name") + " needs a replica");
            assertTrue(str(at(cluster, "spec.imageName")).matches(".*postgresql:17(\\..*)?"), "PostgreSQL 17: " + at(cluster, "spec.imageName"));
            databases.add(str(at(cluster, "spec.bootstrap.initdb.database")));
        }
        for (String service : Repo.SERVICES) {
            assertTrue(databases.contains(Repo.database(service)), "no CloudNativePG cluster for " + service);
        }
    }

    @Test
    void keycloakImportsTheRealmOfTheCommittedLocalRealm() {
        Map<String, Object> local = Repo.json(Repo.path("deploy/keycloak/pairaidance-realm.json"));
        Map<String, Object> keycloak = ofKind(BASE, "Keycloak").get(0);
        assertEquals("quay.io/keycloak/keycloak:" + Repo.pomProperty("keycloak.version"), str(at(keycloak, "spec.image")));
        assertEquals(2, ((Number) at(keycloak, "spec.instances")).intValue(), "two Keycloak instances");
        String dbHost = str(at(keycloak, "spec.db.host"));
        assertNotNull(BASE.get("Cluster/" + dbHost.replaceAll("-rw$", "")), "Keycloak's database cluster " + dbHost);

        Map<String, Object> importDoc = ofKind(BASE, "KeycloakRealmImport").get(0);
        assertEquals(at(keycloak, "metadata.name"), at(importDoc, "spec.keycloakCRName"));
        Map<String, Object> realm = map(at(importDoc, "spec.realm"));
        assertEquals(local.get("realm"), realm.get("realm"), "realm name");
        String issuer = str(at(get(BASE, "ConfigMap", "pairaidance-config"), "data.QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals(str(at(keycloak, "spec.hostname.hostname")) + "/realms/" + realm.get("realm"), issuer, "services trust the realm's issuer");

        assertEquals(names(list(at(local, "roles.realm")), "name"), names(list(at(realm, "roles.realm")), "name"), "realm roles");
        Set<String> localClients = names(list(local.get("clients")), "clientId");
        Set<String> clients = names(list(realm.get("clients")), "clientId");
        assertTrue(localClients.containsAll(clients), "clients " + clients + " not all in the local realm " + localClients);
        assertFalse(clients.contains("pairaidance-cli"), "no password-grant client in production");
        for (Object client : list(realm.get("clients"))) {
            Object secret = map(client).get("secret");
            assertTrue(secret == null || str(secret).matches("\\$\\{[A-Z_]+}"), "client secret must be a placeholder: " + secret);
            if (secret != null) {
                String placeholder = str(secret).substring(2, str(secret).length() - 1);
                assertNotNull(at(importDoc, "spec.placeholders." + placeholder), "placeholder " + placeholder + " defined");
            }
        }
        for (Object user : list(realm.get("users"))) {
            assertNotNull(map(user).get("serviceAccountClientId"), "only service accounts, no people: " + map(user).get("username"));
            assertNull(map(user).get("credentials"), "no credentials");
        }
    }

    private static Set<String> names(List<Object> items, String field) {
        Set<String> names = new TreeSet<>();
        items.forEach(i -> names.add(str(map(i).get(field))));
        return names;
    }

    @Test
    void cdcOverlayTurnsTheRelayOffAndRunsOneConnectorPerDatabase() {
        Map<String, Object> kustomization = Repo.yamlDocuments(K8S.resolve("cdc/kustomization.yaml")).get(0);
        assertTrue(list(kustomization.get("resources")).contains("../base"), "cdc = base + Debezium");
        boolean relayOff = false;
        for (Object patch : list(kustomization.get("patches"))) {
            Object inline = map(patch).get("patch");
            if (inline != null && "ConfigMap".equals(at(map(patch), "target.kind"))
                    && "pairaidance-config".equals(at(map(patch), "target.name"))) {
                for (Object op : list(new org.yaml.snakeyaml.Yaml().load(str(inline)))) {
                    relayOff |= "/data/PAIRAIDANCE_PLATFORM_OUTBOX_RELAY_ENABLED".equals(map(op).get("path"))
                            && "false".equals(map(op).get("value"));
                }
            }
        }
        assertTrue(relayOff, "cdc must set PAIRAIDANCE_PLATFORM_OUTBOX_RELAY_ENABLED=false in pairaidance-config");

        Map<String, Object> connect = ofKind(CDC, "KafkaConnect").get(0);
        assertEquals("true", str(map(at(connect, "metadata.annotations")).get("strimzi.io/use-connector-resources")));
        assertEquals(str(at(ofKind(BASE, "Kafka").get(0), "metadata.name")) + "-kafka-bootstrap:9092", str(at(connect, "spec.bootstrapServers")));
        String composeConnect = str(at(map(Repo.yamlDocuments(Repo.path("deploy/compose/compose.yaml")).get(0).get("services")), "kafka-connect.image"));
        String debeziumVersion = composeConnect.substring(composeConnect.indexOf(':') + 1);
        assertTrue(String.valueOf(at(connect, "spec.build.plugins")).contains("debezium-connector-postgres-" + debeziumVersion + "-plugin.tar.gz"),
                "same Debezium version as compose (" + debeziumVersion + ")");

        Set<String> columns = DebeziumTest.outboxColumns();
        Set<String> databases = new HashSet<>();
        for (Map<String, Object> connector : ofKind(CDC, "KafkaConnector")) {
            String name = str(at(connector, "metadata.name"));
            assertEquals(at(connect, "metadata.name"), map(at(connector, "metadata.labels")).get("strimzi.io/cluster"), name);
            Map<String, Object> config = new LinkedHashMap<>(map(at(connector, "spec.config")));
            config.put("connector.class", at(connector, "spec.class"));
            DebeziumTest.checkOutboxRouter(name, config, columns);
            String db = str(config.get("database.dbname"));
            databases.add(db);
            String cluster = str(config.get("database.hostname")).replaceAll("-rw$", "");
            assertEquals(db, str(at(get(BASE, "Cluster", cluster), "spec.bootstrap.initdb.database")), name + " reads its service's cluster");
            // Same settings as the compose/REST variant, but the host and the password source.
            Map<String, Object> json = new LinkedHashMap<>(map(Repo.json(Repo.path("deploy/debezium/" + db + "-outbox-connector.json")).get("config")));
            for (String k : List.of("database.hostname", "database.password", "connector.class", "tasks.max")) {
                json.remove(k);
                config.remove(k);
            }
            assertEquals(stringify(json), stringify(config), name + " differs from deploy/debezium/" + db + "-outbox-connector.json");
            // The replication role exists in that cluster (patch of the cdc overlay) with logical decoding on.
            Map<String, Object> patch = get(CDC, "Cluster", cluster);
            assertEquals("logical", str(at(patch, "spec.postgresql.parameters.wal_level")), cluster);
            assertTrue(list(at(patch, "spec.managed.roles")).stream().map(Repo::map)
                    .anyMatch(r -> str(r.get("name")).equals(config.get("database.user")) && Boolean.TRUE.equals(r.get("replication"))),
                    cluster + " has the replication role " + config.get("database.user"));
        }
        Set<String> expected = new TreeSet<>();
        Repo.SERVICES.forEach(s -> expected.add(Repo.database(s)));
        assertEquals(expected, new TreeSet<>(databases), "one KafkaConnector per service database");
    }

    private static Map<String, String> stringify(Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        config.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
