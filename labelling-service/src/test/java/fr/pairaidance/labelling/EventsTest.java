package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.OTHER_REGULATOR;
import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.SCOPE;
import static fr.pairaidance.labelling.Fixtures.applicationEtag;
import static fr.pairaidance.labelling.Fixtures.assign;
import static fr.pairaidance.labelling.Fixtures.decide;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.eventsOf;
import static fr.pairaidance.labelling.Fixtures.post;
import static fr.pairaidance.labelling.Fixtures.reason;
import static fr.pairaidance.labelling.Fixtures.refuse;
import static fr.pairaidance.labelling.Fixtures.submitted;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.labelling.Fixtures.Practitioner;
import fr.pairaidance.localstack.testing.ContractSchemas;
import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every event is published once, keyed by practitioner id, with the documented payload. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class EventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }
    private static final String LABEL = "fr.pairaidance.labelling.label.";
    private static final String APPLICATION = "fr.pairaidance.labelling.application.";

    private static List<KafkaTestClient.Event> awaitEvents(String topic, String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(topic, key).size() >= count);
        return eventsOf(topic, key);
    }

    @Test
    void theWholeLifeOfALabelIsAnnouncedOnceEachWithItsState() throws Exception {
        Practitioner p = eligible();
        String id = submitted(p);
        assign(REGULATOR, id);
        refuse(REGULATOR, id).statusCode(200);
        post(p.token(), "/api/v1/applications/" + id + "/appeal", reason("Evidence attached"), applicationEtag(id))
                .statusCode(200);
        String number = post(OTHER_REGULATOR, "/api/v1/applications/" + id + "/appeal-decision",
                Map.of("outcome", "UPHELD", "reason", "Evidence provided", "scope", SCOPE), applicationEtag(id))
                .statusCode(200).extract().path("labelNumber");
        LocalDate until = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(20);
        decide(number, "suspension", Map.of("reason", "Complaint", "until", until.toString())).statusCode(200);
        decide(number, "reinstatement", reason("Cleared")).statusCode(200);
        // A month before the expiry the label is in its renewal window.
        clock.set(LocalDate.now(ZoneId.of("Europe/Paris")).plusYears(3).minusDays(30).atTime(10, 0)
                .toInstant(ZoneOffset.UTC));
        decide(number, "renewal", reason("Continued supervision")).statusCode(200);
        decide(number, "revocation", reason("Breach")).statusCode(200);

        List<KafkaTestClient.Event> labels = awaitEvents("labelling.label", p.id(), 6);
        assertEquals(List.of(LABEL + "granted.v1", LABEL + "suspended.v1", LABEL + "reinstated.v1",
                LABEL + "renewal-due.v1", LABEL + "renewed.v1", LABEL + "revoked.v1"),
                labels.stream().map(KafkaTestClient.Event::type).toList());
        assertEquals(6, labels.stream().map(KafkaTestClient.Event::id).distinct().count());
        // Each payload keeps the contract; the versions grow with each event of the practitioner's labels.
        labels.forEach(e -> ContractSchemas.assertConforms("labelling.label", e.value()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), labels.stream()
                .map(e -> assertDoesNotThrowRead(e.value()).get("version").asLong()).toList());

        KafkaTestClient.Event granted = labels.get(0);
        assertEquals("/pairaidance/labelling-service", granted.headers().get("ce_source"));
        assertEquals(p.id(), granted.headers().get("ce_subject"));
        JsonNode g = JSON.readTree(granted.value());
        assertEquals(1, g.get("schemaVersion").asInt());
        assertEquals(number, g.get("labelNumber").asText());
        assertEquals(p.id(), g.get("practitionerId").asText());
        assertEquals(p.registryNumber(), g.get("registryNumber").asText());
        assertEquals("ACTIVE", g.get("state").asText());
        assertEquals("MENTAL_HEALTH", g.get("scope").get("domains").get(0).asText());
        assertEquals("PAIR_AIDANT", g.get("scope").get("appellations").get(0).asText());
        assertTrue(g.get("suspendedUntil").isNull());
        assertEquals("Evidence provided", g.get("reason").asText());
        for (String field : List.of("labelId", "grantedAt", "expiresOn", "occurredAt")) {
            assertFalse(g.get(field).isNull(), field);
        }
        JsonNode suspended = JSON.readTree(labels.get(1).value());
        assertEquals("SUSPENDED", suspended.get("state").asText());
        assertEquals(until.toString(), suspended.get("suspendedUntil").asText());
        assertEquals("Complaint", suspended.get("reason").asText());
        JsonNode renewed = JSON.readTree(labels.get(4).value());
        assertEquals(LocalDate.parse(g.get("expiresOn").asText()).plusYears(3).toString(),
                renewed.get("expiresOn").asText());
        assertEquals("REVOKED", JSON.readTree(labels.get(5).value()).get("state").asText());

        List<KafkaTestClient.Event> applications = awaitEvents("labelling.application", p.id(), 3);
        applications.forEach(e -> ContractSchemas.assertConforms("labelling.application", e.value()));
        assertEquals(List.of(APPLICATION + "submitted.v1", APPLICATION + "refused.v1",
                APPLICATION + "appeal-decided.v1"), applications.stream().map(KafkaTestClient.Event::type).toList());
        JsonNode decided = JSON.readTree(applications.get(2).value());
        assertEquals(id, decided.get("applicationId").asText());
        assertEquals("UPHELD", decided.get("appealOutcome").asText());
        assertEquals(number, decided.get("labelNumber").asText());
        assertEquals("GRANTED", decided.get("state").asText());
        for (KafkaTestClient.Event e : applications) {
            assertFalse(e.value().contains("reason"), "no free text in application events");
            assertFalse(e.value().contains("Evidence"), "no free text in application events");
        }
    }

    private static JsonNode assertDoesNotThrowRead(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
