package fr.pairaidance.platform.outbox;

import fr.pairaidance.platform.PlatformConfig;
import fr.pairaidance.platform.kafka.KafkaSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes one batch of outbox rows to Kafka as CloudEvents (binary mode) and deletes them once
 * Kafka has acknowledged every record (the service's one producer: acks=all, idempotent). Rows are
 * read in insertion order, so events of one aggregate keep their commit order. A transaction-scoped
 * advisory lock makes a second instance of the service skip while the first publishes.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Advisory lock key of the relay: "OUTBOX" in ASCII. */
    private static final long RELAY_LOCK = 0x4F5554424F58L;

    private final EntityManager em;
    private final PlatformConfig config;
    private final KafkaSender sender;

    OutboxPublisher(EntityManager em, PlatformConfig config, KafkaSender sender) {
        this.em = em;
        this.config = config;
        this.sender = sender;
    }

    /** @return how many events were published (0 when another instance holds the relay lock). */
    @Transactional
    public int publishNextBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("order by seq")
                .page(0, config.outbox().batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(sender.send(toRecord(event)));
        }
        awaitAll(acks);
        OutboxEvent.delete("id in ?1", batch.stream().map(e -> e.id).toList());
        return batch.size();
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, event.id.toString());
        header(headers, CloudEventHeaders.TYPE, event.type);
        header(headers, CloudEventHeaders.SOURCE, config.eventSource());
        header(headers, CloudEventHeaders.SUBJECT, event.aggregateid);
        header(headers, CloudEventHeaders.TIME, event.occurredAt.toString());
        if (event.payload != null) {
            header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        }
        if (event.correlationId != null) {
            header(headers, CloudEventHeaders.CORRELATION_ID, event.correlationId);
        }
        return new ProducerRecord<>(event.aggregatetype, null, event.aggregateid, event.payload, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the outbox", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
    }
}
