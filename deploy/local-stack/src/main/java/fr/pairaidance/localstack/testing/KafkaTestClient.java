package fr.pairaidance.localstack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads and writes CloudEvents records on the test broker, as the other services would: to assert
 * what a service published and to feed a consumer.
 */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    /** Sends a CloudEvent (binary mode) and waits for the broker's acknowledgement; returns its id. */
    public static String send(String topic, String key, String type, String json) {
        return send(topic, key, type, json, UUID.randomUUID().toString());
    }

    public static String send(String topic, String key, String type, String json, String id) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_source", "/tests".getBytes(StandardCharsets.UTF_8));
            headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(topic, null, key, json, headers)).get(30, TimeUnit.SECONDS);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException("Could not send a test event to " + topic, e);
        }
    }

    /** The partition a record of this key goes to (the producers' default partitioner for keyed records). */
    public static int partitionOf(String topic, String key) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            int partitions = producer.partitionsFor(topic).size();
            return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        }
    }

    /** Every record of the topic from the beginning, read until the topic has been quiet for a moment. */
    public static List<Event> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, String> record : records) {
                    events.add(Event.of(record));
                }
            }
        }
        return events;
    }

    /** A record as a test sees it: key, CloudEvents headers and JSON value. */
    public record Event(String topic, String key, Map<String, String> headers, String value) {

        static Event of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new Event(record.topic(), record.key(), headers, record.value());
        }

        public String type() {
            return headers.get("ce_type");
        }

        public String id() {
            return headers.get("ce_id");
        }
    }

    public static Map<String, Long> countByType(List<Event> events) {
        return events.stream().collect(Collectors.groupingBy(e -> String.valueOf(e.type()), Collectors.counting()));
    }
}
