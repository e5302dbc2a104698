package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static fr.pairaidance.registry.Fixtures.completion;
import static fr.pairaidance.registry.Fixtures.consent;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localstack.testing.ContractSchemas;
import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.KafkaTestClient.Event;
import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every state change is announced once, through the outbox, with the documented payload. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class EventsTest {

    private static final String TOPIC = "registry.practitioner";
    private static final String PREFIX = "fr.pairaidance.registry.practitioner.";

    private static List<Event> eventsOf(String id, int expected) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> KafkaTestClient.readAll(TOPIC).stream().filter(e -> id.equals(e.key())).toList(),
                        events -> events.size() >= expected);
    }

    @Test
    void theLifeOfARecordIsAnnouncedOnceEachInCommitOrder() {
        String subject = "events-" + UUID.randomUUID();
        String me = Tokens.bearer(subject, "practitioner");
        String id = Fixtures.selfRegistered(subject);
        given().header("Authorization", me).contentType(ContentType.JSON).body(consent(true))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200);
        for (String module : List.of("CORE-1A", "CORE-1B", "CORE-2A", "CORE-2B")) {
            given().header("Authorization", AGENT).contentType(ContentType.JSON).body(completion(module))
                    .post("/api/v1/practitioners/" + id + "/training/completions").then().statusCode(201);
        }
        given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .body(Map.of("moduleCodes", List.of("CORE-2C"), "decidedOn", "2026-01-10", "evidenceReference", "VAE-1"))
                .post("/api/v1/practitioners/" + id + "/training/prior-experience").then().statusCode(201);
        given().header("Authorization", me).post("/api/v1/practitioners/" + id + "/withdrawal").then().statusCode(200);

        List<Event> events = eventsOf(id, 10);
        List<String> types = events.stream().map(Event::type).toList();
        assertEquals(List.of(PREFIX + "registered.v1", PREFIX + "consents-changed.v1",
                PREFIX + "training-module-completed.v1", PREFIX + "training-module-completed.v1",
                PREFIX + "training-module-completed.v1", PREFIX + "training-module-completed.v1",
                PREFIX + "prior-experience-recognised.v1", PREFIX + "core-completed.v1",
                PREFIX + "withdrawn.v1", PREFIX + "erased.v1"), types);
        assertEquals(events.size(), events.stream().map(Event::id).distinct().count(), "each event id once");
        // Each payload keeps the contract, and the versions grow with each event of the record.
        List<Event> payloads = events.stream().filter(e -> e.value() != null).toList();
        payloads.forEach(e -> ContractSchemas.assertConforms("registry.practitioner", e.value()));
        List<Long> versions = payloads.stream().map(e -> JsonPath.from(e.value()).getLong("version")).toList();
        assertEquals(java.util.stream.LongStream.rangeClosed(1, payloads.size()).boxed().toList(), versions);

        Event registered = events.get(0);
        assertEquals("1.0", registered.headers().get("ce_specversion"));
        assertEquals("/pairaidance/registry-service", registered.headers().get("ce_source"));
        assertEquals(id, registered.headers().get("ce_subject"));
        assertTrue(registered.headers().containsKey("ce_time"));
        JsonPath payload = JsonPath.from(registered.value());
        assertEquals(1, payload.getInt("schemaVersion"));
        assertEquals(id, payload.getString("practitionerId"));
        assertEquals("Camille D.", payload.getString("publicName"));
        assertEquals("8421", payload.getString("zoneCode"));
        assertEquals(subject, payload.getString("subject"));
        assertNull(payload.get("publication"), "nothing is published before consent");
        assertFalse(registered.value().contains("MENTAL_HEALTH"), "domains never leave without consent");
        assertFalse(registered.value().contains("@example.org"), "contact never leaves without consent");

        JsonPath consented = JsonPath.from(events.get(1).value());
        assertEquals(List.of("MENTAL_HEALTH", "ADDICTION"), consented.getList("publication.domains"));
        assertEquals("69123", consented.getString("publication.communeCode"));
        assertTrue(consented.getString("publication.contact.email").endsWith("@example.org"));
        assertEquals(Map.of("siret", Fixtures.SIRET), consented.getMap("publication.organisation"));
        assertFalse(registered.value().contains(Fixtures.SIRET), "the SIRET never leaves without consent");

        assertEquals(List.of("CORE-2C"), JsonPath.from(events.get(6).value()).getList("moduleCodes"));
        assertTrue(JsonPath.from(events.get(7).value()).getBoolean("coreComplete"));

        Event withdrawn = events.get(8);
        assertFalse(withdrawn.value().contains("Camille"));
        assertFalse(withdrawn.value().contains("@example.org"));
        assertFalse(withdrawn.value().contains(Fixtures.SIRET));
        assertEquals("WITHDRAWN", JsonPath.from(withdrawn.value()).getString("status"));
        assertNull(events.get(9).value(), "the erasure is a tombstone");
    }

    @Test
    void aRecordWithoutContactConsentPublishesNoContact() {
        String subject = "no-contact-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        Map<String, Object> partial = new HashMap<>(consent(true));
        partial.put("contact", false);
        partial.put("domains", false);
        partial.put("commune", false);
        partial.put("organisation", false);
        given().header("Authorization", Tokens.bearer(subject, "practitioner")).contentType(ContentType.JSON)
                .body(partial).put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200);
        Event consented = eventsOf(id, 2).get(1);
        JsonPath payload = JsonPath.from(consented.value());
        assertTrue(payload.getBoolean("publication.listed"));
        assertNull(payload.get("publication.contact"));
        assertNull(payload.get("publication.domains"));
        assertNull(payload.get("publication.communeCode"));
        assertNull(payload.get("publication.organisation"));
        assertFalse(consented.value().contains(Fixtures.SIRET));
        assertEquals("8421", payload.getString("zoneCode"));
    }

    @Test
    void theOrganisationIsPublishedOnlyWithItsConsentAndItsRevocationRemovesIt() {
        String subject = "organisation-" + UUID.randomUUID();
        String me = Tokens.practitioner(subject, Fixtures.emailOf(subject));
        Map<String, Object> body = Fixtures.practitioner(Fixtures.emailOf(subject));
        body.put("modes", List.of("SELF_EMPLOYED", "SALARIED"));
        body.put("employerName", "Association Entraide");
        String id = Fixtures.register(me, body).statusCode(201).extract().path("id");
        Map<String, Object> consent = new HashMap<>(consent(true));
        for (boolean organisation : List.of(false, true, false)) {
            consent.put("organisation", organisation);
            given().header("Authorization", me).contentType(ContentType.JSON).body(consent)
                    .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200);
        }
        List<Event> events = eventsOf(id, 4);
        assertEquals(PREFIX + "consents-changed.v1", events.get(3).type());
        assertNull(JsonPath.from(events.get(1).value()).get("publication.organisation"));
        assertFalse(events.get(1).value().contains("Entraide"));
        assertEquals(Map.of("siret", Fixtures.SIRET, "employerName", "Association Entraide"),
                JsonPath.from(events.get(2).value()).getMap("publication.organisation"));
        assertNull(JsonPath.from(events.get(3).value()).get("publication.organisation"));
        assertFalse(events.get(3).value().contains(Fixtures.SIRET) || events.get(3).value().contains("Entraide"));
    }
}
