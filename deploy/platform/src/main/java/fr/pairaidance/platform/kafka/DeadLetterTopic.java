package fr.pairaidance.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Failure strategy {@value #NAME} of the consumed channels ({@code failure-strategy=dead-letter-topic},
 * the topic in {@code dead-letter-queue.topic}): a record that failed on its own (platform
 * {@code BatchDelivery}) is copied to the dead-letter topic with its key, value and headers, plus the
 * connector's {@code dead-letter-*} headers (reason, cause, topic, partition, offset), and acknowledged
 * once Kafka has the copy. It is the connector's {@code dead-letter-queue} strategy with one difference:
 * that one creates a producer for every channel and every copy of a channel when the service starts (six
 * in orientation-service, 0.26 s of its start), this one sends through the service's one
 * producer ({@link KafkaSender}), created when first needed. If Kafka refuses the copy, the channel is
 * reported unhealthy and the record is not acknowledged.
 */
@ApplicationScoped
@Identifier(DeadLetterTopic.NAME)
public class DeadLetterTopic implements KafkaFailureHandler.Factory {

    public static final String NAME = "dead-letter-topic";

    private final KafkaSender sender;

    DeadLetterTopic(KafkaSender sender) {
        this.sender = sender;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        String topic = config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + config.getChannel());
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                ProducerRecord<String, String> copy = new ProducerRecord<>(topic, null, text(record.getKey()),
                        text(record.getPayload()), headers(record, reason));
                return Uni.createFrom().completionStage(sender.send(copy))
                        .onFailure().invoke(refused -> reportFailure.accept(refused, true))
                        .chain(() -> Uni.createFrom().completionStage(record.ack()));
            }
        };
    }

    private static Headers headers(IncomingKafkaRecord<?, ?> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.getHeaders().toArray());
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME, reason.getClass().getName());
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_REASON, message(reason));
        Throwable cause = reason.getCause();
        if (cause != null) {
            add(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME, cause.getClass().getName());
            add(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE, message(cause));
        }
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, record.getTopic());
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, Integer.toString(record.getPartition()));
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, Long.toString(record.getOffset()));
        return headers;
    }

    private static String message(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name); // a record dead-lettered a second time keeps only the latest reason
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object keyOrValue) {
        return keyOrValue == null ? null : keyOrValue.toString();
    }
}
