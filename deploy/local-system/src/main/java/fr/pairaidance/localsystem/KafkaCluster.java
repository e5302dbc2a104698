package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka of the local system: {@code local.kafka.brokers} KRaft nodes (one by default; the
 * system tests run three, as production does, to lose one), each a broker and a voter of the
 * controller quorum, sharing one cluster id kept in {@code <data>/kafka/cluster-id}.
 */
final class KafkaCluster {

    private final LocalOptions options;
    private final ChildProcesses children;
    private final String clusterId;
    private final Map<Integer, KafkaProcess> nodes = new LinkedHashMap<>();

    private KafkaCluster(LocalOptions options, ChildProcesses children, String clusterId) {
        this.options = options;
        this.children = children;
        this.clusterId = clusterId;
    }

    /** Starts every node; {@link #awaitReady} waits for them. */
    static KafkaCluster start(LocalOptions options, ChildProcesses children) {
        KafkaCluster cluster = new KafkaCluster(options, children, clusterId(options.dataDir().resolve("kafka")));
        cluster.startNodes();
        return cluster;
    }

    void startNodes() {
        for (int node = 1; node <= options.kafkaBrokers(); node++) {
            startNode(node);
        }
    }

    void startNode(int node) {
        nodes.put(node, KafkaProcess.start(options, children, node, clusterId));
    }

    void awaitReady(long startedNanos) {
        nodes.values().forEach(node -> node.awaitReady(options));
        Console.done("Kafka ready on " + options.kafkaBootstrapServers(), startedNanos);
    }

    /**
     * Stops every node at once (their data stays): one by one, the last could not finish its
     * controlled shutdown without a quorum and would be killed after the grace period.
     */
    void stopNodes() {
        CompletableFuture.allOf(nodes.values().stream()
                .map(node -> CompletableFuture.runAsync(node::stop, task -> new Thread(task, "kafka-stop").start()))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Kills one node at once (SIGKILL). */
    void killNode(int node) {
        nodes.get(node).kill();
    }

    void awaitNodeReady(int node) {
        nodes.get(node).awaitReady(options);
    }

    /** The cluster's id: made on the first start, read back afterwards (every node is formatted with it). */
    private static String clusterId(Path home) {
        Path file = home.resolve("cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(home);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new LocalSystemException("Could not keep Kafka's cluster id in " + file + ": " + e.getMessage(), e);
        }
    }
}
