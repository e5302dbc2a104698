package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.CORE_COMPLETED;
import static fr.pairaidance.labelling.Fixtures.decide;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.feed;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static fr.pairaidance.labelling.Fixtures.reason;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.labelling.Fixtures.Practitioner;
import fr.pairaidance.localstack.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Anyone verifies a label, today or as of a past day, and may get a receipt signed by the service. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class VerificationTest {

    @Inject
    MutableClock clock;

    @Inject
    Db db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An anonymous client with its own address, so that each test has its own rate-limit window. */
    private static RequestSpecification anyone() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256));
    }

    private static String path(String number) {
        return "/api/v1/labels/" + number + "/verification";
    }

    @Test
    void anyoneVerifiesALabelTodayAndSeesOnlyPublicFacts() {
        Practitioner holder = eligible();
        String number = labelOf(holder);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        anyone().get(path(number)).then().statusCode(200).contentType("application/json")
                .body("number", equalTo(number))
                .body("asOf", equalTo(today.toString()))
                .body("state", equalTo("ACTIVE"))
                .body("valid", equalTo(true))
                .body("grantedOn", equalTo(today.toString()))
                .body("expiresOn", equalTo(today.plusYears(3).toString()))
                .body("scope.appellations", contains("PAIR_AIDANT"))
                .body("scope.keySet()", contains("appellations"))
                .body("practitionerName", equalTo("Camille D."))
                .body("keySet()", containsInAnyOrder("number", "asOf", "state", "valid", "grantedOn", "expiresOn",
                        "scope", "practitionerName"));
    }

    @Test
    void theLabelsDomainsAreShownOnlyWhileItsHolderConsentsToPublishThem() {
        Practitioner holder = eligible();
        String number = labelOf(holder);
        anyone().get(path(number)).then().statusCode(200).body("scope.domains", nullValue());

        feed(holder, CORE_COMPLETED, "ACTIVE", true, "Camille D.", true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> anyone().get(path(number)).then()
                .statusCode(200).body("scope.domains", contains("MENTAL_HEALTH")));

        feed(holder, CORE_COMPLETED, "ACTIVE", true, "Camille D.", false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> anyone().get(path(number)).then()
                .statusCode(200).body("scope.domains", nullValue()));
    }

    @Test
    void asOfAPastDayTheAuditTrailTellsWhetherTheLabelWasValid() {
        LocalDate d0 = LocalDate.of(2028, 3, 1);
        clock.set(d0.atTime(9, 0).toInstant(ZoneOffset.UTC));
        String number = labelOf(eligible());
        clock.set(d0.plusDays(10).atTime(9, 0).toInstant(ZoneOffset.UTC));
        decide(number, "suspension", reason("Investigation")).statusCode(200);
        clock.set(d0.plusDays(20).atTime(9, 0).toInstant(ZoneOffset.UTC));
        decide(number, "reinstatement", reason("Cleared")).statusCode(200);
        clock.set(d0.plusDays(30).atTime(9, 0).toInstant(ZoneOffset.UTC));

        anyone().queryParam("asOf", d0.minusDays(1).toString()).get(path(number)).then().statusCode(200)
                .body("state", equalTo("NOT_YET_GRANTED")).body("valid", equalTo(false));
        anyone().queryParam("asOf", d0.plusDays(5).toString()).get(path(number)).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("valid", equalTo(true))
                .body("asOf", equalTo(d0.plusDays(5).toString()));
        anyone().queryParam("asOf", d0.plusDays(15).toString()).get(path(number)).then().statusCode(200)
                .body("state", equalTo("SUSPENDED")).body("valid", equalTo(false));
        anyone().queryParam("asOf", d0.plusDays(25).toString()).get(path(number)).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("valid", equalTo(true));
        anyone().get(path(number)).then().statusCode(200).body("state", equalTo("ACTIVE"))
                .body("asOf", equalTo(d0.plusDays(30).toString()));
        // The dates alone say when it expired, even before the job ran.
        clock.set(d0.plusYears(3).plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC));
        anyone().queryParam("asOf", d0.plusYears(3).toString()).get(path(number)).then()
                .body("state", equalTo("EXPIRED")).body("valid", equalTo(false));
        anyone().queryParam("asOf", d0.plusYears(3).minusDays(1).toString()).get(path(number)).then()
                .body("state", equalTo("RENEWAL_DUE")).body("valid", equalTo(true));
    }

    /** Answers are kept in memory: this instance's own decisions must show in the very next answer. */
    @Test
    void aDecisionShowsInTheNextVerification() {
        String number = labelOf(eligible());
        anyone().get(path(number)).then().statusCode(200).body("state", equalTo("ACTIVE"));
        decide(number, "suspension", reason("Investigation")).statusCode(200);
        anyone().get(path(number)).then().statusCode(200).body("state", equalTo("SUSPENDED"))
                .body("valid", equalTo(false));
        decide(number, "reinstatement", reason("Cleared")).statusCode(200);
        anyone().get(path(number)).then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    /** Changes committed by another instance, or by the registry's events, reach the kept answers. */
    @Test
    void changesCommittedElsewhereReachTheVerification() {
        Fixtures.Practitioner p = eligible();
        String number = labelOf(p);
        anyone().get(path(number)).then().statusCode(200).body("state", equalTo("ACTIVE"))
                .body("practitionerName", equalTo("Camille D."));

        db.execute("update label set state = 'REVOKED', state_reason = 'Fraud' where number = ?", number);
        await().atMost(Duration.ofSeconds(10)).until(() -> "REVOKED".equals(anyone().get(path(number)).path("state")));

        Fixtures.feed(p, Fixtures.UPDATED, "ACTIVE", true, "Dominique P.");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Dominique P.".equals(anyone().get(path(number)).path("practitionerName")));
    }

    /** Without its listener's connection the instance reads the database, and listens again once it can. */
    @Test
    void withoutItsListenerTheVerificationReadsTheDatabase() {
        String number = labelOf(eligible());
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(LISTENER) == 1);
        anyone().get(path(number)).then().statusCode(200).body("state", equalTo("ACTIVE"));
        long cutOff = db.count(LISTENER.replace("count(*)", "pid"));
        db.execute("select pg_terminate_backend(?)", (int) cutOff);
        db.execute("update label set state = 'REVOKED', state_reason = 'Fraud' where number = ?", number);
        await().atMost(Duration.ofSeconds(10)).until(() -> "REVOKED".equals(anyone().get(path(number)).path("state")));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(LISTENER + " and pid <> ?", (int) cutOff) == 1);
        anyone().get(path(number)).then().statusCode(200).body("state", equalTo("REVOKED"));
        db.execute("update label set state = 'ACTIVE', state_reason = null where number = ?", number);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(anyone().get(path(number)).path("state")));
    }

    private static final String LISTENER = "select count(*) from pg_stat_activity "
            + "where application_name = 'labelling-verification-cache'";

    @Test
    void unknownAndMalformedInputsAreProblems() {
        anyone().get(path("LBL-2020-999999")).then().statusCode(404).contentType("application/problem+json");
        anyone().get(path("ABC-1")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("number"));
        String number = labelOf(eligible());
        anyone().queryParam("asOf", "01/02/2026").get(path(number)).then().statusCode(400)
                .body("errors.field", contains("asOf"));
        anyone().queryParam("asOf", LocalDate.now().plusDays(10).toString()).get(path(number)).then()
                .statusCode(400).body("errors.field", contains("asOf"));
    }

    @Test
    void operatorsSeeTheCachesHitsAndMissesInTheMetrics() {
        String number = labelOf(eligible());
        double misses = verificationCacheGets("miss");
        double hits = verificationCacheGets("hit");
        // Read until served from memory (while the change listener reconnects, reads go to the database).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            anyone().get(path(number)).then().statusCode(200);
            assertTrue(verificationCacheGets("hit") > hits);
        });
        assertTrue(verificationCacheGets("miss") > misses, "the first read of the label was a miss");
    }

    /** {@code cache_gets_total} of the verification cache for one result, from the Prometheus text. */
    private static double verificationCacheGets(String result) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"labelling-verification\"")
                        && line.contains("result=\"" + result + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aSignedReceiptIsVerifiedWithThePublishedKeyAndATamperedOneIsNot() throws Exception {
        String number = labelOf(eligible());
        String jwks = anyone().get("/api/v1/labels/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("EC")).body("keys[0].crv", equalTo("P-256"))
                .body("keys[0].kid", notNullValue()).body("keys[0]", not(hasKey("d")))
                .extract().asString();
        String receipt = anyone().accept("application/jose").get(path(number)).then().statusCode(200)
                .contentType("application/jose").extract().asString();

        JsonWebSignature jws = verifier(receipt, jwks);
        assertTrue(jws.verifySignature());
        String payload = jws.getPayload();
        assertTrue(payload.contains("\"number\":\"" + number + "\""), payload);
        assertTrue(payload.contains("\"state\":\"ACTIVE\""), payload);
        assertTrue(payload.contains("\"issuedAt\":"), payload);

        String[] parts = receipt.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"state\":\"ACTIVE\"", "\"state\":\"REVOKED\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertFalse(verifier(tampered, jwks).verifySignature());
    }

    @Test
    void theSigningKeyStaysTheSame() {
        String first = anyone().get("/api/v1/labels/jwks.json").then().extract().path("keys[0].kid");
        String second = anyone().get("/api/v1/labels/jwks.json").then().extract().path("keys[0].kid");
        assertEquals(first, second);
    }

    private static JsonWebSignature verifier(String compact, String jwks) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(compact);
        JsonWebKey key = new JsonWebKeySet(jwks).findJsonWebKey(jws.getKeyIdHeaderValue(), "EC", "sig", null);
        jws.setKey(key.getKey());
        return jws;
    }

    @Test
    void aClientWritingItsOwnForwardedForIsCountedByTheAddressTheProxyAppended() {
        String number = labelOf(eligible());
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < LabellingTestProfile.VERIFICATIONS_PER_MINUTE; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i + ", " + address).get(path(number)).then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.250, " + address).get(path(number)).then().statusCode(429);
    }

    @Test
    void theVerificationIsRateLimitedPerClient() {
        String number = labelOf(eligible());
        String address = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < LabellingTestProfile.VERIFICATIONS_PER_MINUTE; i++) {
            given().header("X-Forwarded-For", address).get(path(number)).then().statusCode(200);
        }
        given().header("X-Forwarded-For", address).get(path(number)).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        given().header("X-Forwarded-For", address).accept("application/jose").get(path(number)).then()
                .statusCode(429);
        // Another client is not affected, and the window passes.
        anyone().get(path(number)).then().statusCode(200);
        clock.set(clock.instant().plus(Duration.ofSeconds(61)));
        given().header("X-Forwarded-For", address).get(path(number)).then().statusCode(200);
    }
}
