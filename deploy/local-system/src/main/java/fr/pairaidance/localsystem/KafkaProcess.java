package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the Kafka KRaft cluster (broker and controller in one JVM), run from Apache Kafka's
 * jars as a child JVM: {@code kafka.Kafka} with a generated server.properties, its log in
 * {@code <data>/kafka/data} (one node) or {@code <data>/kafka/node-<n>/data}, formatted once with the
 * cluster's id. See {@link KafkaCluster}.
 */
final class KafkaProcess {

    private static final String STARTED = "Kafka Server started";

    private final String name;
    private final Process process;
    private final Path logFile;
    /** Where this run's lines start in the log (a restart appends to it). */
    private final long logStart;

    private KafkaProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    static KafkaProcess start(LocalOptions options, ChildProcesses children, int node, String clusterId) {
        boolean single = options.kafkaBrokers() == 1;
        String name = single ? "Kafka" : "Kafka broker " + node;
        Ports.requireFree(options.kafkaPort(node), name, "local.kafka.port");
        Ports.requireFree(options.kafkaControllerPort(node), name + " controller", "local.kafka.controller-port");
        Path home = single ? options.dataDir().resolve("kafka") : options.dataDir().resolve("kafka/node-" + node);
        Path config = home.resolve("server.properties");
        Path logFile = options.logFile(single ? "kafka" : "kafka-" + node);
        Path logDirs = home.resolve("data");
        writeConfig(options, node, config, logDirs);
        if (Files.notExists(logDirs.resolve("meta.properties"))) {
            format(options, clusterId, config, logFile);
        }
        Console.info("Starting " + name + " (KRaft, broker and controller) on localhost:" + options.kafkaPort(node));
        long logStart = logFile.toFile().length();
        Process process = children.start(name, javaCommand(options, "kafka.Kafka", config.toString()), logFile);
        return new KafkaProcess(name, process, logFile, logStart);
    }

    void awaitReady(LocalOptions options) {
        Readiness.await(name, options.startupTimeout(), process, logFile, this::started);
    }

    /** Stops the broker (SIGTERM, then SIGKILL after a grace period). */
    void stop() {
        ChildProcesses.stop(name, process);
    }

    /** Kills the broker at once (SIGKILL), as a crashed machine would. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    private boolean started() {
        try {
            byte[] log = Files.readAllBytes(logFile);
            int from = (int) Math.min(logStart, log.length);
            return new String(log, from, log.length - from, StandardCharsets.UTF_8).contains(STARTED);
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeConfig(LocalOptions options, int node, Path config, Path logDirs) {
        int brokers = options.kafkaBrokers();
        // Production's durability where the cluster is big enough: three copies, two of them in sync
        // before a write is acknowledged (acks=all), so losing one broker loses nothing and stops nothing.
        String replicas = String.valueOf(Math.min(brokers, 3));
        String minInSync = brokers >= 3 ? "2" : "1";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(node));
        properties.put("controller.quorum.voters", java.util.stream.IntStream.rangeClosed(1, brokers)
                .mapToObj(n -> n + "@localhost:" + options.kafkaControllerPort(n))
                .collect(java.util.stream.Collectors.joining(",")));
        properties.put("listeners", "PLAINTEXT://localhost:" + options.kafkaPort(node)
                + ",CONTROLLER://localhost:" + options.kafkaControllerPort(node));
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + options.kafkaPort(node));
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", logDirs.toString());
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        properties.put("default.replication.factor", replicas);
        properties.put("min.insync.replicas", minInSync);
        properties.put("offsets.topic.replication.factor", replicas);
        properties.put("transaction.state.log.replication.factor", replicas);
        properties.put("transaction.state.log.min.isr", minInSync);
        properties.put("share.coordinator.state.topic.replication.factor", replicas);
        properties.put("share.coordinator.state.topic.min.isr", minInSync);
        properties.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner (compacted topics) allocates its de-duplication buffer at start, 128 MB by
        // default: too much for the small heaps of a local cluster, and plenty at 16 MB for its data.
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        List<String> lines = new ArrayList<>();
        lines.add("# Generated by the run command (fr.pairaidance.localsystem.KafkaProcess) at each start.");
        properties.forEach((key, value) -> lines.add(key + "=" + value));
        try {
            Files.createDirectories(logDirs);
            Files.write(config, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalSystemException("Could not write " + config + ": " + e.getMessage(), e);
        }
    }

    /** Formats the storage, on the first run only: later runs keep its cluster id and topics. */
    private static void format(LocalOptions options, String clusterId, Path config, Path logFile) {
        ProcessBuilder storageTool = javaCommand(options, "kafka.tools.StorageTool", "format",
                "--cluster-id", clusterId, "--config", config.toString(), "--ignore-formatted");
        try {
            Files.createDirectories(logFile.getParent());
            Process format = storageTool.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                format.destroyForcibly();
                Console.tail(logFile, 20);
                throw new LocalSystemException("Could not format Kafka's storage: see " + logFile);
            }
        } catch (IOException e) {
            throw new LocalSystemException("Could not run Kafka's storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while formatting Kafka's storage", e);
        }
    }

    /** A JVM like this one, with Kafka's jars (the CLASSPATH variable keeps ps output short). */
    private static ProcessBuilder javaCommand(LocalOptions options, String mainClass, String... arguments) {
        String heap = options.kafkaBrokers() == 1 ? "-Xmx512m" : "-Xmx384m";
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms128m", heap,
                "-Djava.awt.headless=true", mainClass));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(options.dataDir().toFile());
        builder.environment().put("CLASSPATH", options.kafkaClasspath());
        return builder;
    }
}
