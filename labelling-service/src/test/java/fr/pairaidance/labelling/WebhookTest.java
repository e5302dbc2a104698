package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.AGENT;
import static fr.pairaidance.labelling.Fixtures.EMPLOYER;
import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.as;
import static fr.pairaidance.labelling.Fixtures.decide;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.eventsOf;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import fr.pairaidance.labelling.Fixtures.Practitioner;
import fr.pairaidance.localstack.testing.MailTestResource;
import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.MutableClock;
import fr.pairaidance.localstack.testing.Tokens;
import fr.pairaidance.localstack.testing.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks of label state changes: subscription API, signed thin deliveries, retries, disabling, SSRF. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL = Tokens.bearer("portal-1", "job-portal");
    private static final String OTHER_PORTAL = Tokens.bearer("portal-2", "job-portal");
    private static final String LABEL = "fr.pairaidance.labelling.label.";
    private static final String TEST_TYPE = "fr.pairaidance.webhooks.test.v1";
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @Inject
    Db db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void followedLabelChangesArriveSignedThinAndInOrderAndOthersSendNothing() throws Exception {
        // Label numbers are given at grant: the test follows the next one before it exists.
        String number = "LBL-" + LocalDate.now(ZoneId.of("Europe/Paris")).getYear() + "-"
                + String.format("%06d", db.count("select case when is_called then last_value + 1 else last_value end "
                        + "from label_number_seq"));
        JsonPath created = subscribe(PORTAL, "/followed", List.of(LABEL + "granted.v1", LABEL + "suspended.v1"),
                List.of(number)).statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", startsWith("whsec_"))
                .body("enabled", equalTo(true))
                .body("filter.labelNumbers", equalTo(List.of(number)))
                .extract().jsonPath();
        String secret = created.getString("secret");
        String id = created.getString("id");

        Practitioner followed = eligible();
        assertEquals(number, labelOf(followed));
        Practitioner other = eligible();
        String otherNumber = labelOf(other);
        decide(otherNumber, "suspension", Map.of("reason", "Complaint under review")).statusCode(200);
        decide(number, "suspension", Map.of("reason", "Complaint under review")).statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.received("/followed").size() >= 2);
        List<KafkaTestClient.Event> events = eventsOf("labelling.label", followed.id());
        List<WebhookReceiver.Received> received = RECEIVER.received("/followed");
        assertEquals(2, received.size());
        assertEquals(List.of(events.get(0).id(), events.get(1).id()),
                received.stream().map(r -> r.header("webhook-id")).toList(), "webhook-id is the event id, in order");
        for (WebhookReceiver.Received request : received) {
            assertDoesNotThrow(() -> new Webhook(secret).verify(request.body(), request.headers()));
            assertTrue(request.body().getBytes(StandardCharsets.UTF_8).length < 20 * 1024);
            assertEquals("application/json", request.header("content-type"));
            // Thin: no scope (health data), no reason, no name or registry number.
            for (String absent : List.of("Complaint", "MENTAL_HEALTH", "reason", "scope", "Camille",
                    followed.registryNumber(), followed.id())) {
                assertFalse(request.body().contains(absent), absent + " in " + request.body());
            }
        }
        JsonNode granted = JSON.readTree(received.get(0).body());
        assertEquals(LABEL + "granted.v1", granted.get("type").asText());
        assertFalse(granted.get("timestamp").asText().isEmpty());
        assertEquals(number, granted.get("data").get("labelNumber").asText());
        assertEquals("ACTIVE", granted.get("data").get("state").asText());
        assertTrue(granted.get("data").get("valid").asBoolean());
        assertEquals("http://localhost:8082/verify/" + number, granted.get("data").get("link").asText());
        JsonNode suspended = JSON.readTree(received.get(1).body());
        assertEquals(LABEL + "suspended.v1", suspended.get("type").asText());
        assertEquals("SUSPENDED", suspended.get("data").get("state").asText());
        assertFalse(suspended.get("data").get("valid").asBoolean());

        // The label not followed was read by the webhook consumer and made no delivery.
        List<String> otherEvents = eventsOf("labelling.label", other.id()).stream().map(KafkaTestClient.Event::id).toList();
        assertEquals(2, otherEvents.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from inbox_message where "
                + "consumer = 'labelling.label-webhooks' and event_id = any(?)", (Object) otherEvents.toArray(String[]::new)) == 2);
        assertEquals(0, db.count("select count(*) from webhook_delivery where event_id = any(?)",
                (Object) otherEvents.toArray(String[]::new)));
        assertTrue(RECEIVER.received().stream().noneMatch(r -> otherEvents.contains(r.header("webhook-id"))));

        // The delivery log through the API.
        as(PORTAL).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].eventId", equalTo(events.get(1).id()))
                .body("items[0].eventType", equalTo(LABEL + "suspended.v1"))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastHttpStatus", equalTo(200))
                .body("items[1].eventId", equalTo(events.get(0).id()));
        as(PORTAL).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aFailingEndpointIsRetriedAfterItsRetryAfterAndDeliveredOnce() throws Exception {
        RECEIVER.answerNext("/flaky", 503, "1");
        JsonPath created = subscribe(PORTAL, "/flaky", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999001"))
                .statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String eventId = as(PORTAL).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202)
                .body("eventType", equalTo(TEST_TYPE)).body("status", equalTo("PENDING"))
                .extract().path("eventId");

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(as(PORTAL)
                .get("/api/v1/webhooks/" + id + "/deliveries").then().extract().path("items[0].status")));
        List<WebhookReceiver.Received> received = RECEIVER.received("/flaky");
        assertEquals(List.of(503, 200), received.stream().map(WebhookReceiver.Received::answeredWith).toList());
        assertEquals(List.of(eventId, eventId), received.stream().map(r -> r.header("webhook-id")).toList(),
                "the same webhook-id on every attempt");
        assertTrue(Duration.between(received.get(0).at(), received.get(1).at()).toMillis() >= 900,
                "the retry waited for Retry-After (1 s), not the schedule's 100 ms");
        for (WebhookReceiver.Received request : received) {
            assertDoesNotThrow(() -> new Webhook(created.getString("secret")).verify(request.body(), request.headers()));
        }
        JsonNode body = JSON.readTree(received.get(1).body());
        assertEquals(TEST_TYPE, body.get("type").asText());
        assertEquals(id, body.get("data").get("subscriptionId").asText());
        as(PORTAL).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].lastHttpStatus", equalTo(200))
                .body("items[0].deliveredAt", not(equalTo(null)));
        as(PORTAL).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void goneDisablesTheSubscriptionUntilItsOwnerEnablesIt() {
        RECEIVER.answerNext("/gone", 410);
        String id = subscribe(PORTAL, "/gone", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999002"))
                .statusCode(201).extract().path("id");
        as(PORTAL).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(as(PORTAL)
                .get("/api/v1/webhooks/" + id).then().extract().path("enabled")));
        as(PORTAL).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("disabledReason", equalTo("the endpoint answered 410 Gone"))
                .body("disabledAt", not(equalTo(null)));
        as(PORTAL).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastHttpStatus", equalTo(410))
                .body("items[0].lastError", equalTo("HTTP 410: answered 410"));
        assertEquals(1, RECEIVER.received("/gone").size(), "a 410 is not retried");
        // The owner is told by mail, at the address given with the subscription.
        await().atMost(Duration.ofSeconds(30)).until(() -> MailTestResource.mailsTo("integrations@jobs.example.org")
                .stream().map(MailTestResource::text).filter(text -> text.contains(id)).count() == 1);
        String mail = MailTestResource.mailsTo("integrations@jobs.example.org").stream().map(MailTestResource::text)
                .filter(text -> text.contains(id)).findFirst().orElseThrow();
        assertTrue(mail.contains(RECEIVER.url("/gone")) && mail.contains("410 Gone"), mail);
        as(PORTAL).post("/api/v1/webhooks/" + id + "/test").then().statusCode(409)
                .body("type", equalTo("urn:pairaidance:problem:webhook-disabled"));

        as(PORTAL).post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", equalTo(null));
        as(PORTAL).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.received("/gone").size() == 2);
        as(PORTAL).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void anEndpointFailingForMoreThanFiveDaysIsDisabled() {
        RECEIVER.answerAlways("/down", 500, null);
        String id = subscribe(PORTAL, "/down", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999003"))
                .statusCode(201).extract().path("id");
        as(PORTAL).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        // Four attempts on the test schedule, then given up; the subscription stays enabled.
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(as(PORTAL)
                .get("/api/v1/webhooks/" + id + "/deliveries").then().extract().path("items[0].status")));
        assertEquals(4, RECEIVER.received("/down").size());
        as(PORTAL).get("/api/v1/webhooks/" + id).then().body("enabled", equalTo(true))
                .body("failingSince", not(equalTo(null)));

        clock.advance(Duration.ofDays(5).plusHours(1));
        as(PORTAL).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(as(PORTAL)
                .get("/api/v1/webhooks/" + id).then().extract().path("enabled")));
        as(PORTAL).get("/api/v1/webhooks/" + id).then()
                .body("disabledReason", startsWith("the endpoint failed without a success from "));
        as(PORTAL).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aRotatedSecretSignsWithThePreviousOneDuringTheOverlap() {
        JsonPath created = subscribe(PORTAL, "/rotated", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999004"))
                .statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String previous = created.getString("secret");
        JsonPath rotated = as(PORTAL).post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("previousSecretExpiresAt", not(equalTo(null)))
                .extract().jsonPath();
        String current = rotated.getString("secret");
        assertFalse(current.equals(previous));
        as(PORTAL).get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", equalTo(null));

        as(PORTAL).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.received("/rotated").size() == 1);
        WebhookReceiver.Received request = RECEIVER.received("/rotated").get(0);
        assertEquals(2, request.header("webhook-signature").split(" ").length);
        assertDoesNotThrow(() -> new Webhook(current).verify(request.body(), request.headers()));
        assertDoesNotThrow(() -> new Webhook(previous).verify(request.body(), request.headers()));
        as(PORTAL).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void onlyJobPortalsAndAgentsSubscribeAndEachSeesOnlyItsOwn() {
        String mine = subscribe(PORTAL, "/roles", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999005"))
                .statusCode(201).extract().path("id");
        String agents = subscribe(AGENT, "/roles", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999005"))
                .statusCode(201).extract().path("id");
        as(AGENT).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", hasItem(agents)).body("items.id", not(hasItem(mine)));
        as(PORTAL).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(agents)))
                .body("items.secret", everyItem(nullValue()));

        for (String token : List.of(Tokens.bearer("p-1", "practitioner"), EMPLOYER, REGULATOR)) {
            subscribe(token, "/roles", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999005")).statusCode(403);
            as(token).get("/api/v1/webhooks").then().statusCode(403);
            as(token).get("/api/v1/webhooks/" + mine).then().statusCode(403);
        }
        subscribe(null, "/roles", List.of(LABEL + "revoked.v1"), List.of("LBL-2026-999005")).statusCode(401);
        as(null).get("/api/v1/webhooks").then().statusCode(401);

        // Someone else's subscription does not exist for them.
        for (String path : List.of("", "/deliveries")) {
            as(OTHER_PORTAL).get("/api/v1/webhooks/" + mine + path).then().statusCode(404);
        }
        for (String path : List.of("/test", "/secret", "/enable")) {
            as(OTHER_PORTAL).post("/api/v1/webhooks/" + mine + path).then().statusCode(404);
        }
        as(OTHER_PORTAL).delete("/api/v1/webhooks/" + mine).then().statusCode(404);
        as(PORTAL).get("/api/v1/webhooks/not-an-id").then().statusCode(404);
        as(PORTAL).get("/api/v1/webhooks/" + mine).then().statusCode(200);

        as(PORTAL).delete("/api/v1/webhooks/" + mine).then().statusCode(204);
        as(PORTAL).get("/api/v1/webhooks/" + mine).then().statusCode(404);
        as(AGENT).delete("/api/v1/webhooks/" + agents).then().statusCode(204);
    }

    @Test
    void endpointsOnPrivateOrMetadataAddressesAndBadFieldsAreRefusedNamingTheField() {
        for (String url : List.of("http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://192.168.1.10/hook", "http://[::ffff:10.0.0.1]/", "ftp://hooks.example.org/")) {
            as(PORTAL).body(body(url, List.of(LABEL + "revoked.v1"), List.of("LBL-2026-000001"), null))
                    .post("/api/v1/webhooks").then().statusCode(400)
                    .body("type", equalTo("urn:pairaidance:problem:validation-failed"))
                    .body("errors.field", equalTo(List.of("url")));
        }
        as(PORTAL).body(body(RECEIVER.url("/x"), List.of("label.granted", LABEL + "erased.v1"),
                        List.of("LBL-2026-000001", "731", "LBL-26-1"), "not-an-address"))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", equalTo(List.of("eventTypes[0]", "eventTypes[1]", "contactEmail",
                        "filter.labelNumbers[1]", "filter.labelNumbers[2]")));
        as(PORTAL).body(body(RECEIVER.url("/x"), List.of(), List.of(), null))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", equalTo(List.of("eventTypes", "filter.labelNumbers")));
        List<String> tooMany = java.util.stream.IntStream.range(0, 1001)
                .mapToObj(i -> String.format("LBL-2026-%06d", i)).toList();
        as(PORTAL).body(body(RECEIVER.url("/x"), List.of(LABEL + "revoked.v1"), tooMany, null))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", equalTo(List.of("filter.labelNumbers")));
        as(PORTAL).body(Map.of("url", RECEIVER.url("/x"), "eventTypes", List.of(LABEL + "revoked.v1"),
                        "filter", Map.of("labelNumbers", List.of("LBL-2026-000001")), "secret", "mine"))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", equalTo(List.of("secret")));
        as(PORTAL).post("/api/v1/webhooks").then().statusCode(400).body("errors.field", equalTo(List.of("body")));
    }

    private static io.restassured.response.ValidatableResponse subscribe(String token, String path, List<String> types,
            List<String> numbers) {
        return as(token).body(body(RECEIVER.url(path), types, numbers, "integrations@jobs.example.org"))
                .post("/api/v1/webhooks").then();
    }

    private static Map<String, Object> body(String url, List<String> types, List<String> numbers, String email) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        body.put("filter", Map.of("labelNumbers", numbers));
        if (email != null) {
            body.put("contactEmail", email);
        }
        return body;
    }
}
