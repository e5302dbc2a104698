package fr.pairaidance.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localsystem.RunningSystem;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults under a steady stream of registrations and label decisions ({@link Workload}): crashes, a
 * Kafka outage, the loss of one broker of three, a second instance of a consumer killed, one
 * service's database away, PostgreSQL down, a poison message. After each, every read model agrees
 * with its source exactly: nothing accepted is lost, nothing is applied twice.
 */
@ExtendWith(SystemUnderTest.Extension.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(180);
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    private static RunningSystem system() {
        return SystemUnderTest.get();
    }

    /**
     * Every active practitioner of the register is in both read models with the same registry number
     * and no other; every label of labelling-service (but a withdrawn practitioner's, erased downstream)
     * is in orientation-service with the same number and state; what the workload had accepted is
     * there, each label decision with its outcome.
     */
    private static void awaitReadModelsAgreeWithTheirSources(Workload workload) {
        long started = System.nanoTime();
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> register = Databases.rows("registry",
                    "select id::text, registry_number from practitioner where status = 'ACTIVE'");
            assertTrue(register.entrySet().containsAll(workload.registrations.entrySet()),
                    "an accepted registration is missing from the register");
            Map<String, String> eligibility = Databases.rows("labelling", "select practitioner_id::text, "
                    + "registry_number from practitioner_eligibility where status = 'ACTIVE'");
            Map<String, String> orientation = Databases.rows("orientation", "select practitioner_id::text, "
                    + "registry_number from registry_state where status = 'ACTIVE'");
            assertTrue(register.equals(eligibility), () -> "labelling differs from the register by "
                    + difference(register, eligibility));
            assertTrue(register.equals(orientation), () -> "orientation differs from the register by "
                    + difference(register, orientation));

            // A withdrawn practitioner's label is erased downstream (a tombstone follows its last state).
            Map<String, String> labels = Databases.rows("labelling", "select practitioner_id, label from ("
                    + "select distinct on (practitioner_id) practitioner_id::text, number || ':' || state as label, state "
                    + "from label order by practitioner_id, granted_at desc) latest where state <> 'WITHDRAWN'");
            Map<String, String> labelsInOrientation = Databases.rows("orientation", "select practitioner_id::text, "
                    + "label_number || ':' || state from label_state where state <> 'WITHDRAWN'");
            workload.outcomes.forEach((practitioner, outcome) -> {
                if (!outcome.equals("REFUSED")) {
                    assertEquals(outcome, labels.get(practitioner), "a label decision is missing in labelling");
                }
            });
            assertTrue(labels.equals(labelsInOrientation), () -> "orientation's labels differ from labelling's by "
                    + difference(labels, labelsInOrientation));
        });
        FIGURES.merge("read models checked after faults", "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
        System.out.printf("  read models agree with their sources %d ms after the workload stopped%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String difference(Map<String, String> source, Map<String, String> copy) {
        Map<String, String> missing = new HashMap<>(source);
        copy.keySet().forEach(missing::remove);
        Map<String, String> extra = new HashMap<>(copy);
        source.keySet().forEach(extra::remove);
        Map<String, String> changed = new HashMap<>();
        source.forEach((key, value) -> {
            if (copy.containsKey(key) && !copy.get(key).equals(value)) {
                changed.put(value, copy.get(key));
            }
        });
        return missing.size() + " missing " + missing.values().stream().limit(5).toList() + ", " + extra.size()
                + " extra " + extra.values().stream().limit(5).toList() + ", " + changed.size() + " different "
                + changed.entrySet().stream().limit(5).toList();
    }

    private static void report(String fault, Workload workload) {
        System.out.println("Fault '" + fault + "': " + workload);
        FIGURES.put(fault, workload.toString());
    }

    @AfterAll
    static void printFigures() {
        System.out.println("Faults test figures: " + FIGURES);
    }

    @Test
    @Order(1)
    void killingEachServiceInTurnLosesNothing() {
        Workload workload = Workload.start(3000);
        try (workload) {
            workload.awaitMoreRegistrations(60);
            for (String service : List.of("labelling-service", "orientation-service", "registry-service")) {
                system().kill(service);
                workload.awaitMoreRegistrations(service.equals("registry-service") ? 0 : 60);
                system().restart(service);
                workload.awaitMoreRegistrations(60);
                workload.awaitMoreDecisions(10);
            }
        }
        report("kill -9 of each service in turn", workload);
        awaitReadModelsAgreeWithTheirSources(workload);
    }

    @Test
    @Order(2)
    void losingOneOfThreeKafkaBrokersStopsNothing() {
        assertEquals(3, system().kafkaBrokers(), "the system tests run a three-broker Kafka cluster");
        Workload workload = Workload.start(3000);
        try {
            workload.awaitMoreRegistrations(40);
            system().killKafkaBroker(1); // a broker and a voter of the controller quorum
            int refusedBefore = workload.refused.get();
            workload.awaitMoreRegistrations(200);
            workload.awaitMoreDecisions(20);
            assertEquals(refusedBefore, workload.refused.get(), "no write may be refused while a broker is down");
            workload.close();
            report("one Kafka broker of three killed", workload);
            awaitReadModelsAgreeWithTheirSources(workload); // delivered by the two brokers left
        } finally {
            workload.close();
            system().startKafkaBroker(1);
        }
        Workload after = Workload.start(100);
        after.awaitMoreRegistrations(100);
        after.close();
        awaitReadModelsAgreeWithTheirSources(after);
    }

    @Test
    @Order(3)
    void whenOneOfTwoInstancesOfAConsumerDiesTheOtherTakesOver() {
        String group = "orientation-service";
        int membersOfOne = Kafka.groupMembers(group);
        int port = Integer.parseInt(system().serviceUrl(group).replaceAll(".*:", "")) + 1;
        RunningSystem.Instance second = system().startAnotherInstance(group, port);
        Workload workload = Workload.start(3000);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Kafka.groupMembers(group) == 2 * membersOfOne);
            workload.awaitMoreRegistrations(100);
            system().kill(group); // the first instance, mid-stream
            workload.awaitMoreRegistrations(200);
            workload.awaitMoreDecisions(20);
            workload.close();
            report("one of two orientation-service instances killed", workload);
            awaitReadModelsAgreeWithTheirSources(workload); // the second instance did the rest
        } finally {
            workload.close();
            system().restart(group);
            second.stop();
        }
    }

    @Test
    @Order(4)
    void writesAreAcceptedWhileKafkaIsDownAndDeliveredAfter() {
        Workload workload = Workload.start(3000);
        try (workload) {
            workload.awaitMoreRegistrations(40);
            system().stopKafka();
            int refusedBefore = workload.refused.get();
            int acceptedBefore = workload.registrations.size();
            try {
                workload.awaitMoreRegistrations(200);
                assertEquals(refusedBefore, workload.refused.get(), "no registration may be refused while Kafka is down");
                FIGURES.put("registrations accepted while Kafka was down",
                        String.valueOf(workload.registrations.size() - acceptedBefore));
            } finally {
                system().startKafka();
            }
            workload.awaitMoreRegistrations(40);
            workload.awaitMoreDecisions(20);
        }
        report("every Kafka broker stopped, then started", workload);
        awaitReadModelsAgreeWithTheirSources(workload);
    }

    /** A call to each service that needs its database: who answers it and how. */
    private static final Map<String, Supplier<Response>> NEEDS_DATABASE = Map.of(
            "registry", () -> Api.registry(KeycloakTokens.agency()).get("/api/v1/practitioners"),
            "labelling", () -> Api.labelling(KeycloakTokens.user("regine")).get("/api/v1/labels"),
            "orientation", () -> Api.orientation(KeycloakTokens.user("emma")).get("/api/v1/requests/mine"));

    private static RequestSpecification health(String database) {
        return switch (database) {
            case "registry" -> Api.registry(null);
            case "labelling" -> Api.labelling(null);
            default -> Api.orientation(null);
        };
    }

    @Test
    @Order(5)
    void aServiceWhoseDatabaseIsAwayAnswers503AndRecoversByItselfWhileTheOthersGoOn() {
        Workload workload = Workload.start(3000);
        try (workload) {
            for (String database : List.of("registry", "labelling", "orientation")) {
                workload.awaitMoreRegistrations(40);
                system().takeDatabaseAway(database);
                try {
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        Response r = NEEDS_DATABASE.get(database).get();
                        assertEquals(503, r.statusCode(), database + " away: " + r.asString());
                        assertEquals("application/problem+json", r.contentType().split(";")[0]);
                        assertEquals(503, health(database).get("/q/health/ready").statusCode());
                    });
                    NEEDS_DATABASE.forEach((other, call) -> {
                        if (!other.equals(database)) {
                            assertEquals(200, call.get().statusCode(), other + " must go on while "
                                    + database + "'s database is away");
                        }
                    });
                } finally {
                    system().giveDatabaseBack(database);
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertEquals(200, health(database).get("/q/health/ready").statusCode());
                    assertEquals(200, NEEDS_DATABASE.get(database).get().statusCode());
                });
            }
            workload.awaitMoreRegistrations(40);
            workload.awaitMoreDecisions(20);
        }
        report("each service's database taken away in turn", workload);
        awaitReadModelsAgreeWithTheirSources(workload);
    }

    @Test
    @Order(6)
    void aPostgresOutageAnswers503AndTheServicesRecoverByThemselves() {
        String token = KeycloakTokens.agency();
        system().stopPostgres();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Response r = Api.registry(token).get("/api/v1/practitioners");
                assertEquals(503, r.statusCode());
                assertEquals("application/problem+json", r.contentType().split(";")[0]);
            });
            assertEquals(503, Api.registry(null).get("/q/health/ready").statusCode());
        } finally {
            system().startPostgres();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String database : NEEDS_DATABASE.keySet()) {
                assertEquals(200, health(database).get("/q/health/ready").statusCode());
                assertEquals(200, NEEDS_DATABASE.get(database).get().statusCode());
            }
        });
        Workload after = Workload.start(100);
        after.awaitMoreRegistrations(100);
        after.close();
        awaitReadModelsAgreeWithTheirSources(after);
    }

    @Test
    @Order(7)
    void aPoisonMessageGoesToTheDeadLetterTopicsAndConsumptionGoesOn() {
        String poisonKey = UUID.randomUUID().toString();
        Kafka.send("registry.practitioner", poisonKey, "{not json");
        Workload workload = Workload.start(100);
        workload.awaitMoreRegistrations(100);
        workload.close();
        awaitReadModelsAgreeWithTheirSources(workload);
        for (String dlq : List.of("labelling-service.dlq", "orientation-service.dlq")) {
            await().atMost(CONVERGENCE).until(() -> Kafka.keysOf(dlq).contains(poisonKey));
        }
    }

    @Test
    @Order(8)
    void mailsDecidedWhileTheSmtpServerIsDownAndTheSenderIsKilledArriveAndRepeatOnlyWhenInDoubt() {
        java.time.Instant since = java.time.Instant.now();
        system().stopMailServer();
        Workload workload = Workload.start(300);
        try (workload) {
            workload.awaitMoreDecisions(20);
            // The sender dies with mails queued behind an unreachable SMTP server; decisions go on once it is
            // back (the workload's candidates come from the registry), still without the SMTP server.
            system().kill("registry-service");
            system().restart("registry-service");
            workload.awaitMoreDecisions(10);
            system().startMailServer();
            workload.awaitMoreDecisions(10);
            // And dies again while the queue drains into the SMTP server that is back.
            system().kill("registry-service");
            system().restart("registry-service");
            workload.awaitMoreDecisions(10);
        }
        report("SMTP outage and kill -9 of the mail sender", workload);
        // What the regulator decided in the window, per practitioner of the workload (labelling's audit trail),
        // is what registry-service must have mailed: one mail per decision.
        String window = "'" + since + "'";
        Map<String, Integer> decided = new HashMap<>();
        Databases.rows("labelling", "select l.practitioner_id::text, count(*)::text from label_decision d "
                + "join label l on l.id = d.label_id where d.decided_at >= " + window
                + " and d.action in ('GRANTED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'RENEWAL_DUE', 'EXPIRED') "
                + "group by l.practitioner_id").forEach((id, n) -> decided.merge(id, Integer.parseInt(n), Integer::sum));
        Databases.rows("labelling", "select a.practitioner_id::text, count(*)::text from application_decision d "
                + "join label_application a on a.id = d.application_id where d.decided_at >= " + window
                + " and d.action in ('REFUSED', 'APPEAL_UPHELD', 'APPEAL_DISMISSED') group by a.practitioner_id")
                .forEach((id, n) -> decided.merge(id, Integer.parseInt(n), Integer::sum));
        decided.keySet().retainAll(workload.registrations.keySet());
        int decisions = decided.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(decisions >= 30, "decisions while the mail server was away or the sender killed: " + decisions);
        String mailsSince = "from mail_message m join practitioner p on p.id::text = m.owner where m.created_at >= "
                + window;
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Integer> queued = new HashMap<>();
            Databases.rows("registry", "select m.owner, count(*)::text " + mailsSince
                    + " and m.kind <> 'REQUEST_RECEIVED' group by m.owner")
                    .forEach((id, n) -> queued.put(id, Integer.parseInt(n)));
            queued.keySet().retainAll(workload.registrations.keySet());
            assertEquals(decided, queued, "one mail per decision, per practitioner");
            assertEquals(Map.of(), Databases.rows("registry", "select m.message_id, m.owner " + mailsSince
                    + " and m.sent_at is null"), "mails still waiting");
        });
        // Each mail queued reached its address, with its Message-ID (stable across attempts). A second copy is
        // possible only for a mail the sender was handing over when it was killed, which it counted in doubt:
        // one sender thread holds one mail at a time, so each of the two kills leaves at most one.
        Map<String, String> addressOfMessage = Databases.rows("registry", "select m.message_id, p.email " + mailsSince);
        Map<String, String> inDoubt = Databases.rows("registry", "select m.message_id, m.attempts_in_doubt::text "
                + mailsSince);
        Map<String, Integer> received = new HashMap<>();
        for (String address : Set.copyOf(addressOfMessage.values())) {
            for (Mailbox.Mail mail : Mailbox.of(address)) {
                received.merge(mail.messageId(), 1, Integer::sum);
            }
        }
        addressOfMessage.keySet().forEach(id -> {
            int copies = received.getOrDefault(id, 0);
            int doubtful = Integer.parseInt(inDoubt.get(id));
            assertTrue(copies >= 1 && copies <= 1 + doubtful,
                    "mail " + id + " received " + copies + " times, attempts in doubt " + doubtful);
        });
        int attemptsInDoubt = inDoubt.values().stream().mapToInt(Integer::parseInt).sum();
        assertTrue(attemptsInDoubt <= 2, "attempts in doubt after two kills: " + attemptsInDoubt);
        FIGURES.put("mails delivered after an SMTP outage and two kills (attempts in doubt, copies beyond one)",
                addressOfMessage.size() + " (" + attemptsInDoubt + ", "
                        + received.entrySet().stream().filter(e -> addressOfMessage.containsKey(e.getKey()))
                                .mapToInt(e -> e.getValue() - 1).sum() + ")");
    }

    /** Kafka as the tests see it, through its clients. */
    private static final class Kafka {

        private static Properties clientProperties() {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system().kafkaBootstrapServers());
            return props;
        }

        static void send(String topic, String key, String value) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientProperties(),
                    new StringSerializer(), new StringSerializer())) {
                ProducerRecord<String, String> poison = new ProducerRecord<>(topic, key, value);
                poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                poison.headers().add("ce_type",
                        "fr.pairaidance.registry.practitioner.updated.v1".getBytes(StandardCharsets.UTF_8));
                producer.send(poison);
            }
        }

        static Set<String> keysOf(String topic) {
            Properties props = clientProperties();
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            Set<String> keys = ConcurrentHashMap.newKeySet();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                for (int i = 0; i < 5; i++) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
                }
            }
            return keys;
        }

        /** The members of a consumer group now. */
        static int groupMembers(String group) {
            try (Admin admin = Admin.create(clientProperties())) {
                return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
            } catch (Exception e) {
                throw new IllegalStateException("Could not describe consumer group " + group, e);
            }
        }
    }
}
