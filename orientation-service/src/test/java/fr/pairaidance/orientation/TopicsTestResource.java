package fr.pairaidance.orientation;

import fr.pairaidance.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the consumed topics (compacted, as in production) before the service starts, so that its
 * consumers are assigned partitions at once instead of after a metadata refresh.
 */
public class TopicsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<String, String> compacted = Map.of("cleanup.policy", "compact");
            admin.createTopics(List.of(
                    new NewTopic(Feed.REGISTRY, 3, (short) 1).configs(compacted),
                    new NewTopic(Feed.LABEL, 3, (short) 1).configs(compacted),
                    new NewTopic("orientation.request", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the test topics", e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the test topics", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // Topics live as long as the broker.
    }
}
