package fr.pairaidance.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What to run and against what: system properties {@code -Dbench.*} (defaults = the local system of
 * {@code ./mvnw -Prun}). See README.md for the list.
 */
record Options(
        List<Integer> sizes,
        double labelledFraction,
        int maxLabelled,
        int maxPublished,
        int durationSeconds,
        int runs,
        double writesPerSecond,
        int mixRows,
        int operatingSeconds,
        int importRows,
        int loadConcurrency,
        int labellingMinutes,
        boolean loadOnly,
        boolean append,
        String registryUrl,
        String labellingUrl,
        String orientationUrl,
        String keycloakUrl,
        String pgHost,
        int pgPort,
        String pgUser,
        String pgPassword,
        Path outputDir,
        Path repositoryRoot,
        Path logDir,
        int startupRuns,
        String rebuild,
        String runTag) {

    static Options fromSystemProperties() {
        Path root = Path.of(prop("bench.repository-root", ".")).toAbsolutePath().normalize();
        return new Options(
                Arrays.stream(prop("bench.sizes", "10000,100000,1000000").split(",")).map(String::strip)
                        .map(Integer::parseInt).toList(),
                Double.parseDouble(prop("bench.labelled-fraction", "0.7")),
                Integer.parseInt(prop("bench.max-labelled", "700000")),
                Integer.parseInt(prop("bench.max-published", "700000")),
                Integer.parseInt(prop("bench.duration", "10")),
                Integer.parseInt(prop("bench.runs", "3")),
                Double.parseDouble(prop("bench.writes-per-second", "5")),
                Integer.parseInt(prop("bench.mix-rows", "200000")),
                Integer.parseInt(prop("bench.operating-seconds", "200")),
                Integer.parseInt(prop("bench.import-rows", "100000")),
                Integer.parseInt(prop("bench.load-concurrency", "32")),
                Integer.parseInt(prop("bench.labelling-minutes", "0")),
                Boolean.parseBoolean(prop("bench.load-only", "false")),
                Boolean.parseBoolean(prop("bench.append", "false")),
                prop("bench.registry-url", "http://localhost:8081"),
                prop("bench.labelling-url", "http://localhost:8082"),
                prop("bench.orientation-url", "http://localhost:8083"),
                prop("bench.keycloak-url", "http://localhost:8180"),
                prop("bench.pg-host", "localhost"),
                Integer.parseInt(prop("bench.pg-port", "5432")),
                prop("bench.pg-user", "postgres"),
                prop("bench.pg-password", "postgres"),
                Path.of(prop("bench.output-dir", prop("bench.default-output-dir", root.resolve("deploy/docs").toString()))).toAbsolutePath().normalize(),
                root,
                Path.of(prop("bench.log-dir", root.resolve(".local-data/logs").toString())).toAbsolutePath().normalize(),
                Integer.parseInt(prop("bench.startup-runs", "3")),
                prop("bench.rebuild", "none"),
                prop("bench.run-tag", Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36)));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    private static String prop(String key, String defaultValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }
}
