package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static fr.pairaidance.registry.Fixtures.EMPLOYER;
import static fr.pairaidance.registry.Fixtures.REGULATOR;
import static fr.pairaidance.registry.Fixtures.consent;
import static fr.pairaidance.registry.Fixtures.practitioner;
import static fr.pairaidance.registry.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may and who may not: every endpoint's roles, and a practitioner's own record only. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class AuthorizationTest {

    private static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", token);
    }

    @Test
    void withoutATokenEveryRecordEndpointAnswers401Problem() {
        String id = Fixtures.registered();
        as(null).body(practitioner(uniqueEmail())).post("/api/v1/practitioners").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        as(null).get("/api/v1/practitioners").then().statusCode(401);
        as(null).get("/api/v1/practitioners/" + id).then().statusCode(401);
        as(null).get("/api/v1/practitioners/me").then().statusCode(401);
        as(null).get("/api/v1/practitioners/" + id + "/training").then().statusCode(401);
        as(null).get("/api/v1/practitioners/" + id + "/consents").then().statusCode(401);
        as(null).post("/api/v1/practitioners/" + id + "/withdrawal").then().statusCode(401);
        as(null).get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aForgedOrExpiredTokenIs401() {
        String forged = Tokens.of("agent-1", "registry-agent");
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA" + forged.substring(forged.lastIndexOf('.') + 5);
        as("Bearer " + tampered).get("/api/v1/practitioners").then().statusCode(401);
        as("Bearer not.a.token").get("/api/v1/practitioners").then().statusCode(401);
    }

    @Test
    void anEmployerMayNotTouchTheRegister() {
        String id = Fixtures.registered();
        as(EMPLOYER).body(practitioner(uniqueEmail())).post("/api/v1/practitioners").then().statusCode(403)
                .contentType("application/problem+json");
        as(EMPLOYER).get("/api/v1/practitioners").then().statusCode(403);
        as(EMPLOYER).get("/api/v1/practitioners/" + id).then().statusCode(403);
        as(EMPLOYER).get("/api/v1/practitioners/" + id + "/training").then().statusCode(403);
    }

    @Test
    void aRegulatorReadsButDoesNotWrite() {
        String id = Fixtures.registered();
        as(REGULATOR).get("/api/v1/practitioners/" + id).then().statusCode(200);
        as(REGULATOR).get("/api/v1/practitioners/" + id + "/training").then().statusCode(200);
        as(REGULATOR).body(practitioner(uniqueEmail())).post("/api/v1/practitioners").then().statusCode(403);
        as(REGULATOR).header("If-Match", "\"0\"").body(practitioner(uniqueEmail()))
                .put("/api/v1/practitioners/" + id).then().statusCode(403);
        as(REGULATOR).body(Fixtures.completion("CORE-1A")).post("/api/v1/practitioners/" + id + "/training/completions")
                .then().statusCode(403);
    }

    @Test
    void aPractitionerNeverReadsNorChangesAnothersRecord() {
        String mine = Fixtures.selfRegistered("alice-" + UUID.randomUUID());
        String bobSubject = "bob-" + UUID.randomUUID();
        String bobs = Fixtures.selfRegistered(bobSubject);
        String alice = Tokens.bearer("alice-other", "practitioner");
        String bob = Tokens.bearer(bobSubject, "practitioner");
        as(bob).get("/api/v1/practitioners/" + bobs).then().statusCode(200);
        as(bob).get("/api/v1/practitioners/" + mine).then().statusCode(403).contentType("application/problem+json");
        as(bob).header("If-Match", "\"0\"").body(practitioner(uniqueEmail())).put("/api/v1/practitioners/" + mine)
                .then().statusCode(403);
        as(bob).body(consent(true)).put("/api/v1/practitioners/" + mine + "/consents").then().statusCode(403);
        as(bob).get("/api/v1/practitioners/" + mine + "/training").then().statusCode(403);
        as(bob).post("/api/v1/practitioners/" + mine + "/withdrawal").then().statusCode(403);
        as(bob).get("/api/v1/practitioners").then().statusCode(403);
        as(alice).get("/api/v1/practitioners/" + bobs).then().statusCode(403);
        // The record of the other one is untouched.
        as(AGENT).get("/api/v1/practitioners/" + mine).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void onlyThePractitionerGivesConsentNotAnAgent() {
        String id = Fixtures.registered();
        as(AGENT).body(consent(true)).put("/api/v1/practitioners/" + id + "/consents").then().statusCode(403);
    }

    @Test
    void onlyAgentsImport() {
        given().header("Authorization", REGULATOR).contentType("text/csv").body("given_name\n")
                .post("/api/v1/imports").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("p", "practitioner")).contentType("text/csv").body("given_name\n")
                .post("/api/v1/imports").then().statusCode(403);
    }
}
