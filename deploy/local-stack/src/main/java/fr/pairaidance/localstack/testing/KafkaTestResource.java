package fr.pairaidance.localstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka KRaft broker (Apache Kafka's own test kit, in process) for integration tests: one per
 * test JVM, stopped by a shutdown hook.
 *
 * <p>The broker's directory is made here, not by the test kit: the kit would register a second
 * shutdown hook deleting it, which runs concurrently with the one stopping the broker. A broker that
 * finds its only log directory gone halts the JVM with status 1, and the build fails after green
 * tests. Closing the kit deletes the directory once the broker has stopped.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM.
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setBaseDirectory(Files.createTempDirectory("kafka-test-"))
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                createCatalogueTopics(kit.bootstrapServers());
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        kit.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the Kafka test broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    /**
     * Creates the topics of the event catalogue as production has them (compacted where they carry
     * current state), so that consumers are assigned partitions at once.
     */
    private static void createCatalogueTopics(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(
                    new NewTopic("registry.practitioner", 3, (short) 1).configs(compacted),
                    new NewTopic("labelling.label", 3, (short) 1).configs(compacted),
                    new NewTopic("labelling.application", 3, (short) 1),
                    new NewTopic("orientation.request", 3, (short) 1),
                    new NewTopic("labelling-service.dlq", 1, (short) 1),
                    new NewTopic("orientation-service.dlq", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
