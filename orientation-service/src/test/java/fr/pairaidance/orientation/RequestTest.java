package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.published;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.pairaidance.localstack.testing.ContractSchemas;
import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.Tokens;
import fr.pairaidance.orientation.service.RequestService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** From sending to acceptance: contact details only then, and only to the employer who asked. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class RequestTest {

    static final String EMPLOYER_A = Tokens.bearer("employer-a", "employer");
    static final String EMPLOYER_B = Tokens.bearer("employer-b", "employer");

    @Inject
    RequestService requests;

    @Inject
    DataSource ds;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    static Feed.P brest() {
        return new Feed.P().speaking("ro").in("29019", "5302", "29", "53");
    }

    static Map<String, Object> to(Feed.P p) {
        Map<String, Object> body = new HashMap<>();
        body.put("registryNumber", p.registryNumber);
        body.put("area", "ze:5302");
        body.put("domains", List.of("MENTAL_HEALTH"));
        body.put("format", "PEER_GROUP");
        body.put("workforceSize", 120);
        body.put("message", "Secret message text for a peer group");
        return body;
    }

    static ValidatableResponse send(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests").then();
    }

    static ValidatableResponse get(String token, String id) {
        return given().header("Authorization", token).get("/api/v1/requests/" + id).then();
    }

    static ValidatableResponse answer(String token, String id, String what) {
        return given().header("Authorization", token).post("/api/v1/requests/" + id + "/" + what).then();
    }

    /** Until the sender sees the request closed (the label's or the registry's event has been applied). */
    static void awaitClosed(String requestId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "CLOSED".equals(get(EMPLOYER_A, requestId).statusCode(200).extract().path("status")));
    }

    static String practitioner(Feed.P p) {
        return Tokens.bearer(p.subject, "practitioner");
    }

    @Test
    void contactDetailsAreReleasedOnAcceptanceAndOnlyToTheEmployerWhoAsked() {
        Feed.P p = published(brest());
        Feed.P other = published(brest());
        String id = send(EMPLOYER_A, to(p)).statusCode(201)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].contact", nullValue()).extract().path("items[0].id");
        get(EMPLOYER_A, id).statusCode(200).body("contact", nullValue());
        get(EMPLOYER_B, id).statusCode(404).contentType("application/problem+json");
        get(practitioner(other), id).statusCode(404);
        answer(practitioner(other), id, "acceptance").statusCode(404);
        given().header("Authorization", EMPLOYER_B).get("/api/v1/requests/mine").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().header("Authorization", practitioner(p)).get("/api/v1/requests/received").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].message", equalTo("Secret message text for a peer group"));

        answer(practitioner(p), id, "acceptance").statusCode(200).body("status", equalTo("ACCEPTED"));
        get(EMPLOYER_A, id).statusCode(200).body("contact.email", equalTo(p.email))
                .body("contact.phone", equalTo(p.phone));
        get(EMPLOYER_B, id).statusCode(404);
        get(practitioner(p), id).statusCode(200).body("contact", nullValue());
        answer(practitioner(p), id, "decline").statusCode(409).body("type", equalTo("urn:pairaidance:problem:request-answered"));
        given().header("Authorization", EMPLOYER_A).get("/api/v1/requests/mine").then().statusCode(200)
                .body("items.id", hasItem(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> types(id).size() == 2);
        assertEquals(List.of("fr.pairaidance.orientation.request.requested.v1",
                "fr.pairaidance.orientation.request.accepted.v1"), types(id));
        KafkaTestClient.readAll("orientation.request").stream().filter(e -> id.equals(e.key())).forEach(e -> {
            ContractSchemas.assertConforms("orientation.request", e.value());
            assertFalse(e.value().contains("Secret message"));
            assertFalse(e.value().contains(p.email));
            assertFalse(e.value().contains("employer-a"));
        });
    }

    @Test
    void eachPersonReadsWhatThisServiceHoldsAboutThemAndNothingOfOthers() {
        Feed.P p = published(brest());
        String employer = Tokens.bearer("employer-my-data-" + p.registryNumber, "employer");
        String id = send(employer, to(p)).statusCode(201).extract().path("items[0].id");
        given().header("Authorization", practitioner(p)).get("/api/v1/my-data").then().statusCode(200)
                .body("known.registryNumber", equalTo(p.registryNumber))
                .body("published.registryNumber", equalTo(p.registryNumber))
                .body("requestsReceived.id", contains(id))
                .body("requestsSent", nullValue()).body("mailSettings", nullValue());
        given().header("Authorization", employer).get("/api/v1/my-data").then().statusCode(200)
                .body("requestsSent.id", contains(id))
                .body("requestsSent[0].message", equalTo("Secret message text for a peer group"))
                .body("known", nullValue()).body("requestsReceived", nullValue())
                .body("mailSettings.language", equalTo("fr"));
        given().header("Authorization", practitioner(published(brest()))).get("/api/v1/my-data").then().statusCode(200)
                .body("requestsReceived.id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("a-portal", "job-portal")).get("/api/v1/my-data").then()
                .statusCode(403);
        given().get("/api/v1/my-data").then().statusCode(401);
    }

    @Test
    void aDeclinedRequestReleasesNothing() {
        Feed.P p = published(brest());
        String id = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");
        answer(practitioner(p), id, "decline").statusCode(200).body("status", equalTo("DECLINED"));
        get(EMPLOYER_A, id).statusCode(200).body("status", equalTo("DECLINED")).body("contact", nullValue());
    }

    @Test
    void anUnansweredRequestExpiresAfterTheConfiguredTime() {
        Feed.P p = published(brest());
        String id = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");
        TestClock.CLOCK.advance(Duration.ofDays(6));
        requests.expireDue();
        get(EMPLOYER_A, id).statusCode(200).body("status", equalTo("PENDING"));
        TestClock.CLOCK.advance(Duration.ofDays(2));
        requests.expireDue();
        get(EMPLOYER_A, id).statusCode(200).body("status", equalTo("EXPIRED"));
        answer(practitioner(p), id, "acceptance").statusCode(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> types(id).contains("fr.pairaidance.orientation.request.expired.v1"));
    }

    @Test
    void theBestMatchesEachGetARequestAndNobodyIsA422() {
        Feed.P first = published(brest().domains("HOMELESSNESS"));
        Feed.P second = published(brest().domains("HOMELESSNESS"));
        Map<String, Object> body = to(first);
        body.remove("registryNumber");
        body.put("bestMatches", 2);
        body.put("domains", List.of("HOMELESSNESS"));
        send(EMPLOYER_A, body).statusCode(201)
                .body("items.registryNumber", containsInAnyOrder(first.registryNumber, second.registryNumber));
        body.put("domains", List.of("EATING_DISORDERS"));
        send(EMPLOYER_A, body).statusCode(422).body("type", equalTo("urn:pairaidance:problem:no-match"));
        body.put("bestMatches", 6);
        send(EMPLOYER_A, body).statusCode(400).body("errors.field", contains("bestMatches"));
        body.put("bestMatches", 1);
        body.put("registryNumber", first.registryNumber);
        send(EMPLOYER_A, body).statusCode(400).body("errors.field", contains("registryNumber"));
        body.remove("bestMatches");
        body.put("area", "53");
        send(EMPLOYER_A, body).statusCode(400).body("errors.field", contains("area"));
    }

    @Test
    void aWithdrawnPractitionersRequestsAreClosedAndTheirContactRemoved() {
        Feed.P p = published(brest());
        String accepted = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");
        answer(practitioner(p), accepted, "acceptance").statusCode(200);
        String pending = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");
        get(EMPLOYER_A, accepted).statusCode(200).body("contact.email", equalTo(p.email));
        Feed.withdrawFromRegistry(p);
        awaitClosed(pending);
        get(EMPLOYER_A, accepted).statusCode(200).body("status", equalTo("ACCEPTED")).body("contact", nullValue());
        send(EMPLOYER_A, to(p)).statusCode(404);
    }

    @Test
    void aSuspendedPractitionerMayDeclineButNotAcceptAndTheirContactIsWithheld() {
        Feed.P p = published(brest());
        String accepted = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");
        answer(practitioner(p), accepted, "acceptance").statusCode(200);
        String pending = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");
        String another = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");

        Feed.label(p, "SUSPENDED", "suspended.v1");
        Feed.awaitListed(p, false);
        answer(practitioner(p), pending, "acceptance").statusCode(409)
                .body("type", equalTo("urn:pairaidance:problem:label-not-valid"));
        get(EMPLOYER_A, accepted).statusCode(200).body("status", equalTo("ACCEPTED")).body("contact", nullValue());
        answer(practitioner(p), another, "decline").statusCode(200);

        Feed.label(p, "ACTIVE", "reinstated.v1");
        Feed.awaitListed(p, true);
        answer(practitioner(p), pending, "acceptance").statusCode(200);
        get(EMPLOYER_A, accepted).statusCode(200).body("contact.email", equalTo(p.email));
    }

    /** A request sent to a published practitioner, then closed by their label's change to {@code state}. */
    private String pendingRequestClosedByLabel(String state, String eventType) {
        Feed.P p = published(brest());
        String pending = send(EMPLOYER_A, to(p)).statusCode(201).extract().path("items[0].id");
        Feed.label(p, state, eventType);
        awaitClosed(pending);
        return pending;
    }

    @Test
    void aRevokedLabelClosesThePendingRequests() {
        String pending = pendingRequestClosedByLabel("REVOKED", "revoked.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> types(pending).contains(
                "fr.pairaidance.orientation.request.closed.v1"));
    }

    @Test
    void aRebuildClosesWhatTheLiveHandlerClosesForAnExpiredLabel() {
        String pending = pendingRequestClosedByLabel("EXPIRED", "expired.v1");
        // The request left pending, as by a version whose handler missed it: the rebuild, the repair, closes it.
        Db.execute(ds, "update orientation_request set status = 'PENDING' where id = ?", UUID.fromString(pending));
        get(EMPLOYER_A, pending).statusCode(200).body("status", equalTo("PENDING"));
        given().header("Authorization", Tokens.bearer("regulator-1", "regulator"))
                .post("/api/v1/admin/read-model/rebuild").then().statusCode(200);
        get(EMPLOYER_A, pending).statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void aNullDomainOrAnUnknownFormatIsNamedInTheProblem() {
        Feed.P p = published(brest());
        Map<String, Object> body = to(p);
        body.put("domains", java.util.Arrays.asList("MENTAL_HEALTH", null));
        send(EMPLOYER_A, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("domains[1]"));
        body = to(p);
        body.put("format", "TELEPATHY");
        send(EMPLOYER_A, body).statusCode(400).body("errors.field", contains("format"));
    }

    private static List<String> types(String id) {
        return KafkaTestClient.readAll("orientation.request").stream().filter(e -> id.equals(e.key()))
                .map(KafkaTestClient.Event::type).toList();
    }
}
