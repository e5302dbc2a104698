package fr.pairaidance.platform.inbox;

import fr.pairaidance.platform.outbox.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A consumed CloudEvent (Kafka binary mode): its attributes from the {@code ce_*} headers and its
 * JSON data, null for a tombstone.
 */
public record IncomingEvent(String id, String type, String subject, String key, String data,
        String correlationId, String topic) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        if (id == null) {
            // Not a CloudEvent of ours: fall back to the record's position, which is unique too.
            id = record.topic() + "/" + record.partition() + "/" + record.offset();
        }
        return new IncomingEvent(id, header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.SUBJECT),
                record.key(), record.value(), header(record, CloudEventHeaders.CORRELATION_ID), record.topic());
    }

    @SuppressWarnings("unchecked")
    public static IncomingEvent from(KafkaRecord<String, String> record) {
        return from((ConsumerRecord<String, String>) record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a consumed Kafka record"))
                .getRecord());
    }

    public boolean isTombstone() {
        return data == null;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
