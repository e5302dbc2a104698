package fr.pairaidance.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults under a steady stream of writes: crashes, a Kafka outage, a database outage, a poison
 * message. Afterwards every read model agrees with its source exactly: nothing accepted is lost,
 * nothing is applied twice.
 */
@ExtendWith(SystemUnderTest.Extension.class)
@org.junit.jupiter.api.Order(3)
class FaultsTest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(120);

    /** Registrations sent one after the other by a background thread; the accepted ones are kept. */
    private static final class Stream implements AutoCloseable {
        final Map<String, String> accepted = new ConcurrentHashMap<>();
        final AtomicInteger refused = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Stream(int max) {
            String token = KeycloakTokens.agency();
            thread = new Thread(() -> {
                for (int i = 0; i < max && running.get(); i++) {
                    try {
                        Response r = Api.registry(token).body(practitioner()).post("/api/v1/practitioners");
                        if (r.statusCode() == 201) {
                            accepted.put(r.path("id"), r.path("registryNumber"));
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException connectionRefused) {
                        refused.incrementAndGet();
                    }
                }
            }, "registration-stream");
            thread.start();
        }

        void awaitMore(int more) {
            int target = accepted.size() + more;
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= target || !thread.isAlive());
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    static Map<String, Object> practitioner() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", "Stream");
        body.put("familyName", "Test");
        body.put("birthDate", "1980-05-05");
        body.put("email", "stream-" + UUID.randomUUID() + "@example.org");
        body.put("communeCode", "35238");
        body.put("domains", List.of("CANCER"));
        body.put("appellations", List.of("PATIENT_EXPERT"));
        body.put("modes", List.of("VOLUNTEER"));
        body.put("formats", List.of("ONE_TO_ONE"));
        body.put("languages", List.of("fr"));
        body.put("remote", false);
        return body;
    }

    private static Map<String, String> rows(String database, String sql) {
        Properties credentials = new Properties();
        credentials.put("user", "postgres");
        credentials.put("password", "postgres");
        Map<String, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(SystemUnderTest.get().jdbcUrl(database), credentials);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * Every active practitioner of the register is in both read models, with the same registry
     * number, and no other (withdrawn ones are erased there).
     */
    private static void awaitReadModelsAgreeWithTheRegister(Map<String, String> accepted) {
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> register = rows("registry",
                    "select id::text, registry_number from practitioner where status = 'ACTIVE'");
            assertTrue(register.entrySet().containsAll(accepted.entrySet()), "an accepted registration is missing");
            Map<String, String> labelling = rows("labelling", "select practitioner_id::text, registry_number "
                    + "from practitioner_eligibility where status = 'ACTIVE'");
            Map<String, String> orientation = rows("orientation", "select practitioner_id::text, registry_number "
                    + "from registry_state where status = 'ACTIVE'");
            assertTrue(register.equals(labelling), () -> "labelling differs from the register by "
                    + difference(register, labelling));
            assertTrue(register.equals(orientation), () -> "orientation differs from the register by "
                    + difference(register, orientation));
        });
    }

    private static String difference(Map<String, String> source, Map<String, String> copy) {
        Map<String, String> missing = new HashMap<>(source);
        copy.keySet().forEach(missing::remove);
        Map<String, String> extra = new HashMap<>(copy);
        source.keySet().forEach(extra::remove);
        return missing.size() + " missing " + missing.values().stream().limit(5).toList() + ", " + extra.size()
                + " extra " + extra.values().stream().limit(5).toList();
    }

    @Test
    void killingEachServiceInTurnLosesNothing() throws Exception {
        try (Stream stream = new Stream(600)) {
            stream.awaitMore(20);
            for (String service : List.of("labelling-service", "orientation-service", "registry-service")) {
                SystemUnderTest.get().kill(service);
                stream.awaitMore(service.equals("registry-service") ? 0 : 20);
                SystemUnderTest.get().restart(service);
                stream.awaitMore(20);
            }
            stream.close();
            System.out.printf("Crashes: %d registrations accepted, %d refused while a service was down%n",
                    stream.accepted.size(), stream.refused.get());
            awaitReadModelsAgreeWithTheRegister(stream.accepted);
        }
    }

    @Test
    void writesAreAcceptedWhileKafkaIsDownAndDeliveredAfter() throws Exception {
        SystemUnderTest.get().stopKafka();
        Map<String, String> accepted = new HashMap<>();
        try {
            String token = KeycloakTokens.agency();
            for (int i = 0; i < 30; i++) {
                Response r = Api.registry(token).body(practitioner()).post("/api/v1/practitioners");
                assertEquals(201, r.statusCode(), "a registration must be accepted while Kafka is down");
                accepted.put(r.path("id"), r.path("registryNumber"));
            }
        } finally {
            SystemUnderTest.get().startKafka();
        }
        awaitReadModelsAgreeWithTheRegister(accepted);
    }

    @Test
    void aDatabaseOutageAnswers503AndTheServiceRecoversByItself() {
        String token = KeycloakTokens.agency();
        SystemUnderTest.get().stopPostgres();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Response r = Api.registry(token).get("/api/v1/practitioners");
                assertEquals(503, r.statusCode());
                assertEquals("application/problem+json", r.contentType().split(";")[0]);
            });
            assertEquals(503, Api.registry(null).get("/q/health/ready").statusCode());
        } finally {
            SystemUnderTest.get().startPostgres();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(200, Api.registry(null).get("/q/health/ready").statusCode());
            assertEquals(200, Api.registry(token).get("/api/v1/practitioners").statusCode());
        });
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicsAndConsumptionGoesOn() {
        String poisonKey = UUID.randomUUID().toString();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.get().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> poison = new ProducerRecord<>("registry.practitioner", poisonKey, "{not json");
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_type", "fr.pairaidance.registry.practitioner.updated.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(poison);
        }
        Response after = Api.registry(KeycloakTokens.agency()).body(practitioner()).post("/api/v1/practitioners");
        after.then().statusCode(201);
        awaitReadModelsAgreeWithTheRegister(Map.of(after.path("id"), after.path("registryNumber")));
        for (String dlq : List.of("labelling-service.dlq", "orientation-service.dlq")) {
            await().atMost(CONVERGENCE).until(() -> keysOf(dlq).contains(poisonKey));
        }
    }

    private static Set<String> keysOf(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> keys = ConcurrentHashMap.newKeySet();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            }
        }
        return keys;
    }
}
