package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static fr.pairaidance.registry.Fixtures.REGULATOR;
import static fr.pairaidance.registry.Fixtures.concurrently;
import static fr.pairaidance.registry.Fixtures.emailOf;
import static fr.pairaidance.registry.Fixtures.practitioner;
import static fr.pairaidance.registry.Fixtures.register;
import static fr.pairaidance.registry.Fixtures.selfRegistered;
import static fr.pairaidance.registry.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PractitionerApiTest {

    @Inject
    DataSource ds;

    @Test
    void anAgentRegistersAPractitionerAndPlacesAreDerivedFromTheCommune() {
        String email = uniqueEmail();
        register(AGENT, practitioner(email))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/practitioners/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"")
                .body("registryNumber", matchesPattern("PA-\\d{4}-\\d{6}"))
                .body("status", equalTo("ACTIVE"))
                .body("email", equalTo(email))
                .body("commune.code", equalTo("69123"))
                .body("commune.name", equalTo("Lyon"))
                .body("department.code", equalTo("69"))
                .body("region.code", equalTo("84"))
                .body("zone.code", equalTo("8421"))
                .body("coreComplete", equalTo(false))
                .body("accountLinked", equalTo(false));
    }

    @Test
    void registryNumbersAreUniqueAndReadable() {
        String first = register(AGENT, practitioner(uniqueEmail())).statusCode(201).extract().path("registryNumber");
        String second = register(AGENT, practitioner(uniqueEmail())).statusCode(201).extract().path("registryNumber");
        assertNotEquals(first, second);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingTwice() {
        Map<String, Object> body = practitioner(uniqueEmail());
        String key = UUID.randomUUID().toString();
        String firstId = given().header("Authorization", AGENT).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/practitioners")
                .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue()).extract().path("id");
        String secondId = given().header("Authorization", AGENT).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/practitioners")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(firstId, secondId);
        given().header("Authorization", AGENT).queryParam("name", "Durand").queryParam("size", 100)
                .get("/api/v1/practitioners").then().statusCode(200)
                .body("items.findAll { it.email == '" + body.get("email") + "' }.size()", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", AGENT).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(practitioner(uniqueEmail())).post("/api/v1/practitioners").then().statusCode(201);
        given().header("Authorization", AGENT).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(practitioner(uniqueEmail())).post("/api/v1/practitioners").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("Idempotency-Key"));
    }

    @Test
    void anEmailIsRegisteredOnce() {
        String email = uniqueEmail();
        register(AGENT, practitioner(email)).statusCode(201);
        register(AGENT, practitioner(email.toUpperCase())).statusCode(400)
                .body("errors.field", contains("email"));
    }

    @Test
    void aSecondRegistrationOfAnEmailIsAProblemNamingTheFieldAndCreatesNothing() {
        String email = uniqueEmail();
        register(AGENT, practitioner(email)).statusCode(201);
        register(AGENT, practitioner(email.toUpperCase())).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("validation-failed"))
                .body("errors.field", contains("email"))
                .body("errors.message", contains("is already registered"));
        // With another field at fault, both are named, as before the unique index did the check.
        Map<String, Object> body = practitioner(email);
        body.put("communeCode", "00000");
        register(AGENT, body).statusCode(400).body("errors.field", containsInAnyOrder("communeCode", "email"));
        assertEquals(1, recordsWithEmail(email));
    }

    private long recordsWithEmail(String email) {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from practitioner where lower(email) = lower(?)")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneRecordAndAnswerTheOthersWithTheProblem() throws Exception {
        String email = uniqueEmail();
        Callable<Integer> registration = () -> given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .body(practitioner(email)).post("/api/v1/practitioners").statusCode();
        List<Integer> statuses = concurrently(Collections.nCopies(4, registration));
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "statuses " + statuses);
        assertEquals(3, statuses.stream().filter(status -> status == 400).count(), "statuses " + statuses);
        assertEquals(1, recordsWithEmail(email));
    }

    @Test
    void anUpdateNeedsTheCurrentEtagAndAConcurrentOneIsRefusedWith412() {
        String id = Fixtures.registered();
        Map<String, Object> body = practitioner(uniqueEmail());
        body.put("communeCode", "35238");
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(body)
                .put("/api/v1/practitioners/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("errors.field", contains("If-Match"));
        given().header("Authorization", AGENT).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .put("/api/v1/practitioners/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("commune.name", equalTo("Rennes")).body("region.code", equalTo("53"));
        // A second writer who read version 0 too is refused.
        given().header("Authorization", AGENT).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .put("/api/v1/practitioners/" + id).then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void twoSimultaneousUpdatesOfTheSameVersionLeaveOneWinner() throws Exception {
        String id = Fixtures.registered();
        Callable<Integer> update = () -> given().header("Authorization", AGENT).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body(practitioner(uniqueEmail())).put("/api/v1/practitioners/" + id)
                .statusCode();
        List<Integer> statuses = concurrently(Collections.nCopies(4, update));
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "statuses " + statuses);
        assertEquals(3, statuses.stream().filter(status -> status == 412 || status == 409).count(),
                "statuses " + statuses);
    }

    @Test
    void simultaneousCorrectionsGivingTwoRecordsOneEmailLeaveOneWinnerAndNameTheField() throws Exception {
        String email = uniqueEmail();
        List<String> ids = List.of(Fixtures.registered(), Fixtures.registered(), Fixtures.registered(),
                Fixtures.registered());
        List<Integer> statuses = concurrently(ids.stream().<Callable<Integer>>map(id -> () -> given()
                .header("Authorization", AGENT).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(practitioner(email)).put("/api/v1/practitioners/" + id).statusCode()).toList());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "statuses " + statuses);
        assertEquals(3, statuses.stream().filter(status -> status == 400).count(), "statuses " + statuses);
        assertEquals(1, recordsWithEmail(email));
    }

    @Test
    void anAccountRegisteringItselfTwiceAtTheSameMomentGetsOneRecord() throws Exception {
        String subject = "double-register-" + UUID.randomUUID();
        String me = Tokens.practitioner(subject, emailOf(subject));
        Callable<Integer> registration = () -> given().header("Authorization", me).contentType(ContentType.JSON)
                .body(practitioner(emailOf(subject))).post("/api/v1/practitioners").statusCode();
        List<Integer> statuses = concurrently(Collections.nCopies(4, registration));
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "statuses " + statuses);
        assertEquals(3, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
        given().header("Authorization", me).get("/api/v1/practitioners/me").then().statusCode(200);
    }

    @Test
    void aNameSearchTakesPercentAndUnderscoreLiterally() {
        Map<String, Object> body = practitioner(uniqueEmail());
        String family = "Under_" + UUID.randomUUID().toString().substring(0, 8);
        body.put("familyName", family);
        register(AGENT, body).statusCode(201);
        given().header("Authorization", AGENT).queryParam("name", family).get("/api/v1/practitioners").then()
                .statusCode(200).body("total", equalTo(1));
        for (String wildcard : List.of("_", "%", "Under%", "U_der")) {
            given().header("Authorization", AGENT).queryParam("name", wildcard).get("/api/v1/practitioners").then()
                    .statusCode(200).body("items.familyName", not(hasItem(family)));
        }
    }

    @Test
    void searchFiltersByZoneDomainAndStatusInAStableOrder() {
        Map<String, Object> rennes = practitioner(uniqueEmail());
        rennes.put("communeCode", "35238");
        rennes.put("domains", List.of("BEREAVEMENT"));
        rennes.put("familyName", "Searchable");
        register(AGENT, rennes).statusCode(201);
        Response page = given().header("Authorization", REGULATOR)
                .queryParam("zone", "5315").queryParam("domain", "BEREAVEMENT").queryParam("status", "ACTIVE")
                .get("/api/v1/practitioners");
        page.then().statusCode(200)
                .body("items.size()", not(equalTo(0)))
                .body("items.zone.code", everyItem(equalTo("5315")))
                .body("items.domains", everyItem(hasItem("BEREAVEMENT")))
                .body("total", notNullValue());
        List<String> numbers = page.path("items.registryNumber");
        assertEquals(numbers.stream().sorted().toList(), numbers);
    }

    @Test
    void searchParametersAreValidated() {
        given().header("Authorization", AGENT).queryParam("size", "1000").get("/api/v1/practitioners")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("size"));
        given().header("Authorization", AGENT).queryParam("page", "0", "1").get("/api/v1/practitioners")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("page"));
        given().header("Authorization", AGENT).queryParam("status", "SLEEPING").get("/api/v1/practitioners")
                .then().statusCode(400).body("errors.field", contains("status"));
        given().header("Authorization", AGENT).queryParam("zone", "abc").get("/api/v1/practitioners")
                .then().statusCode(400).body("errors.field", contains("zone"));
    }

    @Test
    void aPractitionerRegistersThemselvesAndFindsTheirRecordAsMe() {
        String subject = "self-" + UUID.randomUUID();
        String token = Tokens.practitioner(subject, emailOf(subject));
        String id = register(token, practitioner(emailOf(subject).toUpperCase(Locale.ROOT))).statusCode(201)
                .body("accountLinked", equalTo(true)).extract().path("id");
        given().header("Authorization", token).get("/api/v1/practitioners/me").then().statusCode(200)
                .body("id", equalTo(id));
        // A second self-registration of the same account is a conflict.
        register(token, practitioner(emailOf(subject))).statusCode(409).body("type", endsWith("already-registered"));
    }

    @Test
    void aPractitionerGivesOnlyTheirAccountsVerifiedEmail() {
        String subject = "squatter-" + UUID.randomUUID();
        String someoneElses = uniqueEmail();
        register(Tokens.practitioner(subject, emailOf(subject)), practitioner(someoneElses)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("email"))
                .body("errors[0].message", containsString("verified email address of your account"));
        register(Tokens.bearer(subject, "practitioner"), practitioner(emailOf(subject))).statusCode(400)
                .body("errors.field", contains("email")); // a token without a verified email
        assertEquals(0, recordsWithEmail(someoneElses));
        // The address is free for its owner, registered by an agency.
        register(AGENT, practitioner(someoneElses)).statusCode(201);

        String id = selfRegistered(subject);
        String me = Tokens.practitioner(subject, emailOf(subject));
        Map<String, Object> changed = practitioner(emailOf(subject));
        changed.put("familyName", "Renamed");
        String etag = correct(me, id, changed, "\"0\"").statusCode(200).body("familyName", equalTo("Renamed"))
                .extract().header("ETag");
        changed.put("email", uniqueEmail());
        correct(me, id, changed, etag).statusCode(400).body("errors.field", contains("email"));
        etag = correct(AGENT, id, changed, etag).statusCode(200).body("email", equalTo(changed.get("email")))
                .extract().header("ETag");
        // The record now holds an address an agent gave it: the practitioner keeps it while changing the rest.
        changed.put("familyName", "Kept");
        correct(me, id, changed, etag).statusCode(200).body("familyName", equalTo("Kept"));
    }

    @Test
    void anAccountWhoseEmailAnAgencyRegisteredIsSentToItsRecord() {
        String subject = "registered-by-agency-" + UUID.randomUUID();
        String id = register(AGENT, practitioner(emailOf(subject))).statusCode(201).extract().path("id");
        String me = Tokens.practitioner(subject, emailOf(subject));
        register(me, practitioner(emailOf(subject))).statusCode(409).body("type", endsWith("already-registered"))
                .body("detail", containsString("/api/v1/practitioners/me"));
        given().header("Authorization", me).get("/api/v1/practitioners/me").then().statusCode(200)
                .body("id", equalTo(id)).body("accountLinked", equalTo(true));
    }

    private static ValidatableResponse correct(String token, String id, Map<String, Object> body, String etag) {
        return given().header("Authorization", token).header("If-Match", etag)
                .contentType(ContentType.JSON).body(body).put("/api/v1/practitioners/" + id).then();
    }

    @Test
    void meWithoutARecordIs404Problem() {
        given().header("Authorization", Tokens.bearer("nobody-" + UUID.randomUUID(), "practitioner"))
                .get("/api/v1/practitioners/me").then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("not-registered"));
    }

    @Test
    void vocabulariesAndTheTrainingCatalogueArePublic() {
        given().get("/api/v1/vocabularies").then().statusCode(200)
                .body("version", equalTo("2026.1"))
                .body("vocabularies.domains.code", hasItem("MENTAL_HEALTH"))
                .body("vocabularies.domains.find { it.code == 'BEREAVEMENT' }.fr", equalTo("Deuil"))
                .body("vocabularies.domains.find { it.code == 'BEREAVEMENT' }.en", equalTo("Bereavement"));
        given().get("/api/v1/training-modules").then().statusCode(200)
                .body("version", equalTo("2026.1"))
                .body("modules.findAll { it.part == 'CORE' }.code",
                        contains("CORE-1A", "CORE-1B", "CORE-2A", "CORE-2B", "CORE-2C"));
    }
}
