package fr.pairaidance.orientation.service;

import fr.pairaidance.platform.inbox.IncomingEvent;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from scratch: empties it and this service's inbox rows of both topics, then
 * replays both topics from their first offset through the same handlers, in ONE transaction, so
 * that readers see the old model until the new one is complete. The live consumers keep running;
 * what they apply meanwhile is replayed too and de-duplicated by the inbox.
 */
@ApplicationScoped
public class ReadModelRebuild {

    public static final String REGISTRY_TOPIC = "registry.practitioner";
    public static final String LABEL_TOPIC = "labelling.label";
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /** How many events each topic replayed, and how many practitioners are published afterwards. */
    public record Report(long registryEvents, long labelEvents, long published) {
    }

    private final EntityManager em;
    private final ReadModelService readModel;
    private final ReadModelVersion version;
    private final String bootstrapServers;

    ReadModelRebuild(EntityManager em, ReadModelService readModel, ReadModelVersion version,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.readModel = readModel;
        this.version = version;
        this.bootstrapServers = bootstrapServers;
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Report rebuild() {
        em.createNativeQuery("delete from listing").executeUpdate();
        em.createNativeQuery("delete from registry_state").executeUpdate();
        em.createNativeQuery("delete from label_state").executeUpdate();
        em.createNativeQuery("delete from inbox_message where consumer in (?1, ?2)")
                .setParameter(1, ReadModelService.REGISTRY_CONSUMER).setParameter(2, ReadModelService.LABEL_CONSUMER)
                .executeUpdate();
        em.flush();
        em.clear();
        long registry = replay(REGISTRY_TOPIC, readModel::applyRegistry);
        long labels = replay(LABEL_TOPIC, readModel::applyLabel);
        version.bump();
        em.flush();
        long published = ((Number) em.createNativeQuery("select count(*) from listing").getSingleResult()).longValue();
        LOG.infof("Read model rebuilt: %d registry and %d label events replayed, %d published", registry, labels,
                published);
        return new Report(registry, labels, published);
    }

    private long replay(String topic, Consumer<IncomingEvent> handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "orientation-service-rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long count = 0;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        handler.accept(IncomingEvent.from(record));
                        if (++count % 500 == 0) {
                            em.flush();
                            em.clear();
                        }
                    }
                }
            }
        }
        return count;
    }
}
