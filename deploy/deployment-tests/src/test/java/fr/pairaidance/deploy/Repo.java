package fr.pairaidance.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository as the deployment descriptors see it: the services (name, port, database, event
 * source), the configuration keys they read, the event catalogue, and the descriptors themselves.
 * Everything is read from the working tree, so that a change on either side is caught.
 */
final class Repo {

    static final List<String> SERVICES = List.of("registry-service", "labelling-service", "orientation-service");

    /** Keys every service reads (deploy/docs/conventions.md and the platform library), beyond its properties files. */
    static final Set<String> SHARED_KEYS = Set.of(
            "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
            "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url", "quarkus.oidc.token.audience",
            "pairaidance.platform.outbox.relay-enabled");

    static final Path ROOT = Path.of(System.getProperty("pairaidance.root", "../..")).toAbsolutePath().normalize();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        Path file = path(relative);
        assertTrue(Files.isRegularFile(file), "missing file " + relative);
        return read(file);
    }

    // ---- services ----

    static Properties applicationProperties(String service) {
        return properties(read(service + "/src/main/resources/application.properties"));
    }

    static Properties platformProperties() {
        return properties(read("deploy/platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    private static Properties properties(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    static int port(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port").trim());
    }

    /** The database name of the service's default JDBC URL (jdbc:postgresql://host:port/NAME). */
    static String database(String service) {
        String url = applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
        return databaseOf(url);
    }

    static String databaseOf(String jdbcUrl) {
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)").matcher(jdbcUrl);
        assertTrue(m.find(), "not a PostgreSQL JDBC URL: " + jdbcUrl);
        return m.group(1);
    }

    static String hostOf(String jdbcUrl) {
        Matcher m = Pattern.compile("^jdbc:postgresql://([^:/]+)").matcher(jdbcUrl);
        assertTrue(m.find(), "not a PostgreSQL JDBC URL: " + jdbcUrl);
        return m.group(1);
    }

    static String eventSource(String service) {
        return applicationProperties(service).getProperty("pairaidance.platform.event-source");
    }

    /** Every configuration key the services read: shared keys, the platform's and the services' properties. */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(SHARED_KEYS);
        addKeys(keys, platformProperties());
        for (String service : SERVICES) {
            addKeys(keys, applicationProperties(service));
        }
        return keys;
    }

    private static void addKeys(Set<String> keys, Properties props) {
        for (String key : props.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
    }

    /** The environment variable SmallRye Config maps to a key: non-alphanumerics to '_', upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static Set<String> knownEnvNames() {
        Set<String> names = new TreeSet<>();
        for (String key : knownKeys()) {
            names.add(envName(key));
        }
        return names;
    }

    /** The image the Jib build names: [registry/]<container-image.group>/<application name>:<project version>. */
    static String image(String service) {
        return platformProperties().getProperty("quarkus.container-image.group") + "/"
                + applicationProperties(service).getProperty("quarkus.application.name") + ":" + projectVersion();
    }

    // ---- root pom ----

    static String projectVersion() {
        return match(read("pom.xml"), "<artifactId>pairaidance-parent</artifactId>\\s*<version>([^<]+)</version>");
    }

    static String pomProperty(String name) {
        return match(read("pom.xml"), "<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">");
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    // ---- event catalogue ----

    /** Topics of deploy/docs/events.md (its "## `topic`" headings), with whether each is compacted. */
    static Map<String, Boolean> catalogueTopics() {
        String text = read("deploy/docs/events.md");
        Matcher m = Pattern.compile("(?m)^## `([^`]+)`").matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            spans.add(new int[] {m.start(), 0});
        }
        Map<String, Boolean> topics = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String section = text.substring(spans.get(i)[0], end);
            // The catalogue's convention: "Key: ... Compacted." in the topic's section.
            topics.put(names.get(i), Pattern.compile("(?<!Not )\\bCompacted\\b").matcher(section).find());
        }
        assertTrue(!topics.isEmpty(), "no topic heading in deploy/docs/events.md");
        return topics;
    }

    static Set<String> dlqTopics() {
        Set<String> dlqs = new LinkedHashSet<>();
        for (String service : SERVICES) {
            dlqs.add(service + ".dlq");
        }
        return dlqs;
    }

    /** Catalogue topics plus the dead-letter topics: every topic the system uses. */
    static Set<String> allTopics() {
        Set<String> all = new TreeSet<>(catalogueTopics().keySet());
        all.addAll(dlqTopics());
        return all;
    }

    /** Exactly the catalogue topics and the DLQs, with a message naming what is missing on each side. */
    static void assertSameTopics(String where, Set<String> declared) {
        Set<String> expected = allTopics();
        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(declared);
        assertTrue(undocumented.isEmpty() && missing.isEmpty(), where + " must hold exactly the topics of deploy/docs/events.md"
                + " (\"## `topic`\" headings) plus the DLQs; not in events.md: " + undocumented + "; missing in " + where + ": " + missing);
    }

    /** Topics the services name: messaging channels and DLQs in application.properties, TOPIC constants in the code. */
    static Map<String, String> topicsNamedByServices() {
        Map<String, String> topics = new TreeMap<>();
        for (String service : SERVICES) {
            Properties props = applicationProperties(service);
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                    topics.put(props.getProperty(key).trim(), service + "/application.properties " + key);
                }
            }
            Path sources = path(service + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = Pattern.compile("static final String \\w*TOPIC\\w*\\s*=\\s*\"([A-Za-z0-9._-]+)\"").matcher(read(file));
                    while (m.find()) {
                        topics.put(m.group(1), ROOT.relativize(file).toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    // ---- YAML and JSON ----

    static List<Map<String, Object>> yamlDocuments(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(read(file))) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map)) {
                fail(ROOT.relativize(file) + ": a YAML document is not a mapping");
            }
            docs.add(map(doc));
        }
        return docs;
    }

    static List<Path> yamlFiles(String dir) {
        try (Stream<Path> files = Files.walk(path(dir))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- navigation in parsed documents ----

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    /** The value at a dotted path of mappings ("spec.template.spec"), or null. */
    static Object at(Map<String, Object> doc, String dotted) {
        Object current = doc;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = map(current).get(part);
        }
        return current;
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
