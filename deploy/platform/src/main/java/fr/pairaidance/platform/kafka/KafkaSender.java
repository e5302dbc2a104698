package fr.pairaidance.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one Kafka producer (idempotent, {@code acks=all}), shared by the outbox relay and the
 * dead-letter topics. It is created when first used, not at start: each Kafka client costs tens of
 * milliseconds of a service's start, and a service that has nothing to publish yet needs none.
 */
@ApplicationScoped
public class KafkaSender {

    private final String bootstrapServers;
    private final String clientId;
    private volatile KafkaProducer<String, String> producer;

    KafkaSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String clientId) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
    }

    /** @return completed once Kafka has acknowledged the record, or failed with the reason it was not */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(metadata);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException refused) { // no metadata within max.block.ms, record too large...
            acknowledged.completeExceptionally(refused);
        }
        return acknowledged;
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> created = producer;
        if (created == null) {
            synchronized (this) {
                created = producer;
                if (created == null) {
                    created = new KafkaProducer<>(settings(), new StringSerializer(), new StringSerializer());
                    producer = created;
                }
            }
        }
        return created;
    }

    private Properties settings() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return props;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
