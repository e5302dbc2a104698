package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.awaitListed;
import static fr.pairaidance.orientation.Feed.label;
import static fr.pairaidance.orientation.Feed.registry;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import fr.pairaidance.localstack.testing.Tokens;
import fr.pairaidance.localstack.testing.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Webhooks of listing changes in an area: appeared, changed, left; published fields only. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL = Tokens.bearer("portal-w1", "job-portal");
    private static final String LISTING = "fr.pairaidance.orientation.listing.";
    private static final List<String> ALL = List.of(LISTING + "appeared.v1", LISTING + "changed.v1", LISTING + "left.v1");
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @Inject
    DataSource ds;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aListingAppearsChangesAndLeavesTheAreaAndOnlyWhatSearchShowsIsSent() throws Exception {
        // Strasbourg's employment zone, where no other test publishes anyone.
        JsonPath created = as(PORTAL).body(body(RECEIVER.url("/strasbourg"), ALL, "ze:4423"))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("filter.area", equalTo("ze:4423"))
                .extract().jsonPath();
        String secret = created.getString("secret");
        String id = created.getString("id");

        Feed.P p = new Feed.P().in("67482", "4423", "67", "44").speaking("fr", "de").selfEmployed(Feed.siret());
        String registered = registry(p, Feed.CONSENTS_CHANGED);
        String grant = label(p, "ACTIVE", "granted.v1");
        awaitListed(p, true);
        // Domains were published; the practitioner now withdraws that consent: the listing changes.
        p.publishDomains = false;
        String consents = registry(p, Feed.CONSENTS_CHANGED);
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.received("/strasbourg").size() >= 2);
        String suspension = label(p, "SUSPENDED", "suspended.v1");
        awaitListed(p, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.received("/strasbourg").size() >= 3);
        List<WebhookReceiver.Received> received = RECEIVER.received("/strasbourg");
        assertEquals(3, received.size());
        // The listing appears with whichever of the registry's and the label's events is applied second
        // (two topics: no order between them).
        List<String> ids = received.stream().map(r -> r.header("webhook-id")).toList();
        assertTrue(List.of(registered + ":listing", grant + ":listing").contains(ids.get(0)), ids.get(0));
        assertEquals(List.of(consents + ":listing", suspension + ":listing"), ids.subList(1, 3));
        for (WebhookReceiver.Received request : received) {
            assertDoesNotThrow(() -> new Webhook(secret).verify(request.body(), request.headers()));
            // No contact detail, nor the SIRET that search does not show.
            for (String absent : List.of(p.email, p.phone, "contact", p.siret, p.id.toString())) {
                assertFalse(request.body().contains(absent), absent + " in " + request.body());
            }
        }
        JsonNode appeared = JSON.readTree(received.get(0).body());
        assertEquals(LISTING + "appeared.v1", appeared.get("type").asText());
        JsonNode data = appeared.get("data");
        assertEquals(p.registryNumber, data.get("registryNumber").asText());
        assertEquals("Camille D.", data.get("publicName").asText());
        assertEquals("4423", data.get("zoneCode").asText());
        assertEquals("67482", data.get("communeCode").asText());
        assertEquals("MENTAL_HEALTH", data.get("domains").get(0).asText(), "published domains as the listing shows them");
        assertEquals(p.labelNumber, data.get("label").get("number").asText());
        assertEquals("ACTIVE", data.get("label").get("state").asText());
        assertEquals("http://localhost:8083/practitioners/" + p.registryNumber, data.get("link").asText());

        JsonNode changed = JSON.readTree(received.get(1).body());
        assertEquals(LISTING + "changed.v1", changed.get("type").asText());
        assertNull(changed.get("data").get("domains"), "domains no longer published");
        assertFalse(received.get(1).body().contains("MENTAL_HEALTH"));

        JsonNode left = JSON.readTree(received.get(2).body());
        assertEquals(LISTING + "left.v1", left.get("type").asText());
        assertEquals(p.registryNumber, left.get("data").get("registryNumber").asText());
        assertEquals("4423", left.get("data").get("zoneCode").asText());
        assertNull(left.get("data").get("label"), "why it left is not said");
        assertNull(left.get("data").get("publicName"));
        as(PORTAL).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aListingInAnotherAreaSendsNothing() {
        String id = as(PORTAL).body(body(RECEIVER.url("/lille"), ALL, "ze:3216")).post("/api/v1/webhooks").then()
                .statusCode(201).extract().path("id");
        Feed.P elsewhere = new Feed.P().in("67482", "4423", "67", "44").speaking("fr", "it");
        String registryEvent = registry(elsewhere, Feed.CONSENTS_CHANGED);
        String labelEvent = label(elsewhere, "ACTIVE", "granted.v1");
        awaitListed(elsewhere, true);
        // Both events were applied (and their deliveries, if any, inserted in the same transaction): none for Lille.
        assertEquals(2, Db.count(ds, "select count(*) from inbox_message where event_id in (?, ?)", registryEvent,
                labelEvent));
        assertEquals(0, Db.count(ds, "select count(*) from webhook_delivery d join webhook_subscription s "
                + "on s.id = d.subscription_id where s.url like '%/lille'"));
        assertTrue(RECEIVER.received("/lille").isEmpty());
        as(PORTAL).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void theAreaIsATypedAreaCodeAndOnlyPortalsAndAgentsSubscribe() {
        for (String area : List.of("8421", "ze:0000", "zone:8421")) {
            as(PORTAL).body(body(RECEIVER.url("/x"), ALL, area)).post("/api/v1/webhooks").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("filter.area")));
        }
        as(PORTAL).body(body("http://169.254.169.254/", ALL, "dep:69")).post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", equalTo(List.of("url")));
        as(PORTAL).body(body(RECEIVER.url("/x"), List.of("fr.pairaidance.labelling.label.granted.v1"), "reg:84"))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", equalTo(List.of("eventTypes[0]")));
        for (String token : List.of(Tokens.bearer("e-1", "employer"), Tokens.bearer("p-1", "practitioner"),
                Tokens.bearer("r-1", "regulator"))) {
            as(token).body(body(RECEIVER.url("/x"), ALL, "dep:69")).post("/api/v1/webhooks").then().statusCode(403);
        }
        as(null).get("/api/v1/webhooks").then().statusCode(401);
        String id = as(Tokens.bearer("agent-w", "registry-agent")).body(body(RECEIVER.url("/x"), ALL, "com:69123"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        as(PORTAL).get("/api/v1/webhooks/" + id).then().statusCode(404);
        as(Tokens.bearer("agent-w", "registry-agent")).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    private static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", token);
    }

    private static Map<String, Object> body(String url, List<String> types, String area) {
        return Map.of("url", url, "eventTypes", types, "filter", Map.of("area", area));
    }
}
