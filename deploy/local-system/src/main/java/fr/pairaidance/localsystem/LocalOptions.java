package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the run command was asked to do: paths handed over by Maven (the {@code run} profile of
 * deploy/local-stack/pom.xml) and the options given on the command line as system properties.
 */
record LocalOptions(
        Path repositoryRoot,
        Path dataDir,
        Path realmFile,
        Path keycloakDistribution,
        String keycloakVersion,
        Path mailJar,
        String kafkaClasspath,
        boolean fresh,
        boolean demo,
        Duration startupTimeout,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaBrokers,
        int keycloakPort,
        int smtpPort,
        int mailPort,
        List<ServiceDefinition> services) {

    static LocalOptions fromSystemProperties() {
        Path root = Path.of(required("local.repository-root")).toAbsolutePath().normalize();
        return new LocalOptions(
                root,
                Path.of(System.getProperty("local.data-dir", root.resolve(".local-data").toString()))
                        .toAbsolutePath().normalize(),
                Path.of(required("local.realm-file")).toAbsolutePath().normalize(),
                Path.of(required("local.keycloak.distribution")),
                required("local.keycloak.version"),
                Path.of(required("local.mail.jar")),
                readFile(Path.of(required("local.kafka.classpath-file"))),
                flag("fresh"),
                flag("demo"),
                Duration.ofSeconds(number("local.startup-timeout", 240)),
                number("local.postgres.port", 5432),
                number("local.kafka.port", 9092),
                number("local.kafka.controller-port", 9093),
                number("local.kafka.brokers", 1),
                number("local.keycloak.port", 8180),
                number("local.smtp.port", 3025),
                number("local.mail.port", 8025),
                List.of(
                        service("registry-service", 8081, "registry"),
                        service("labelling-service", 8082, "labelling"),
                        service("orientation-service", 8083, "orientation")));
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Path logFile(String name) {
        return logDir().resolve(name + ".log");
    }

    String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** The mailbox API of the local SMTP server (GreenMail): what the system sent, per address. */
    String mailUrl() {
        return "http://localhost:" + mailPort;
    }

    String issuerUrl() {
        return keycloakUrl() + "/realms/" + KeycloakProcess.REALM;
    }

    /** Every broker's address (one broker: just {@code local.kafka.port}). */
    String kafkaBootstrapServers() {
        return java.util.stream.IntStream.rangeClosed(1, kafkaBrokers)
                .mapToObj(node -> "localhost:" + kafkaPort(node))
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Node n of a cluster listens on {@code local.kafka.port + 2(n - 1)}: 9092, 9094, 9096. */
    int kafkaPort(int node) {
        return kafkaPort + 2 * (node - 1);
    }

    /** Node n's controller listens on {@code local.kafka.controller-port + 2(n - 1)}: 9093, 9095, 9097. */
    int kafkaControllerPort(int node) {
        return kafkaControllerPort + 2 * (node - 1);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    private static ServiceDefinition service(String name, int defaultPort, String database) {
        return new ServiceDefinition(name, number("local." + name + ".port", defaultPort), database);
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new LocalSystemException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new LocalSystemException("System property " + key
                    + " is missing: start the local system with ./mvnw -Prun from the repository root");
        }
        return value;
    }

    /** {@code -Dfresh} alone is true, as is {@code -Dfresh=true}; absent or {@code =false} is false. */
    private static boolean flag(String key) {
        String value = System.getProperty(key);
        return value != null && !value.equalsIgnoreCase("false");
    }

    private static int number(String key, int defaultValue) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LocalSystemException("-D" + key + " must be a number, not '" + value + "'");
        }
    }
}
