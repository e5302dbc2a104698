package fr.pairaidance.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.platform.failure.TransientRetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/** How a polled batch reaches its handler, and what a poison record in it does (no broker: narrow test). */
class BatchDeliveryTest {

    private static final TopicPartition PARTITION = new TopicPartition("registry.practitioner", 0);

    private final List<Long> committed = new CopyOnWriteArrayList<>();
    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    // Without the CDI interceptor, the retry runs the work once.
    private final BatchDelivery delivery = new BatchDelivery(new TransientRetry());

    @Test
    void aHealthyBatchIsAppliedInOneCallAndAcknowledgedUpToItsLastRecord() {
        List<List<String>> calls = new ArrayList<>();
        complete(delivery.deliver(batch("e1", "e2", "e3"), events -> calls.add(ids(events))));
        assertEquals(List.of(List.of("e1", "e2", "e3")), calls);
        assertEquals(List.of(2L), committed);
        assertTrue(deadLettered.isEmpty());
    }

    @Test
    void aPoisonRecordAloneGoesToTheFailureStrategyAndTheOthersAreApplied() {
        List<String> applied = new ArrayList<>();
        complete(delivery.deliver(batch("e1", "poison", "e3"), events -> {
            if (ids(events).contains("poison")) {
                throw new IllegalArgumentException("unreadable event");
            }
            applied.addAll(ids(events));
        }));
        assertEquals(List.of("e1", "e3"), applied);
        assertEquals(List.of("poison"), deadLettered);
        assertEquals(List.of(2L), committed);
    }

    @Test
    void aFailureWhileStoppingLeavesTheBatchUnacknowledgedAndNothingDeadLettered() {
        delivery.onStop(null);
        CompletionStage<Void> outcome = delivery.deliver(batch("e1", "e2"), events -> {
            throw new IllegalStateException("transaction manager stopped");
        });
        assertFalse(outcome.toCompletableFuture().isDone());
        assertTrue(committed.isEmpty());
        assertTrue(deadLettered.isEmpty());
    }

    private IncomingKafkaRecordBatch<String, String> batch(String... ids) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < ids.length; offset++) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(),
                    offset, "key-" + offset, "{}");
            record.headers().add("ce_id", ids[offset].getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                committed.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler failures = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                deadLettered.add(new String(record.getHeaders().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                return Uni.createFrom().voidItem();
            }
        };
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(PARTITION, records), Map.of()),
                "registry-practitioner", 0, commits, failures, false, false);
    }

    private static List<String> ids(List<IncomingEvent> events) {
        return events.stream().map(IncomingEvent::id).toList();
    }

    private static void complete(CompletionStage<Void> stage) {
        stage.toCompletableFuture().join();
    }
}
