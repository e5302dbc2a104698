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
        int propagationSamples,
        int durationSeconds,
        int runs,
        int warmupRuns,
        int connections,
        int threads,
        int loadConcurrency,
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
        String runTag,
        int resumeFrom,
        String previousSteps) {

    static Options fromSystemProperties() {
        Path root = Path.of(prop("bench.repository-root", ".")).toAbsolutePath().normalize();
        return new Options(
                Arrays.stream(prop("bench.sizes", "10000,100000,1000000").split(",")).map(String::strip)
                        .map(Integer::parseInt).toList(),
                Double.parseDouble(prop("bench.labelled-fraction", "0.7")),
                // 70 % of the default population of 100 000, labelled and published.
                Integer.parseInt(prop("bench.max-labelled", "70000")),
                Integer.parseInt(prop("bench.max-published", "70000")),
                Integer.parseInt(prop("bench.propagation-samples", "100")),
                Integer.parseInt(prop("bench.duration", "10")),
                Integer.parseInt(prop("bench.runs", "3")),
                Integer.parseInt(prop("bench.warmup-runs", "1")),
                Integer.parseInt(prop("bench.connections", "16")),
                Integer.parseInt(prop("bench.threads", "2")),
                Integer.parseInt(prop("bench.load-concurrency", "32")),
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
                Integer.parseInt(prop("bench.startup-runs", "5")),
                prop("bench.rebuild", "all"),
                prop("bench.run-tag", Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36)),
                Integer.parseInt(prop("bench.resume-from", "0")),
                prop("bench.previous-steps", ""));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    private static String prop(String key, String defaultValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }
}
