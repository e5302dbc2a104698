package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static fr.pairaidance.registry.Fixtures.REGULATOR;
import static fr.pairaidance.registry.Fixtures.completion;
import static fr.pairaidance.registry.Fixtures.concurrently;
import static fr.pairaidance.registry.Fixtures.consent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class TrainingAndConsentTest {

    private static void complete(String id, String module) {
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(completion(module))
                .post("/api/v1/practitioners/" + id + "/training/completions").then().statusCode(201)
                .body("kind", equalTo("COMPLETION")).body("moduleCodes", contains(module));
    }

    @Test
    void theCommonCoreIsCompleteOnceEveryCoreModuleIsCoveredByTrainingOrVae() {
        String id = Fixtures.registered();
        complete(id, "CORE-1A");
        complete(id, "CORE-2A");
        given().header("Authorization", REGULATOR).get("/api/v1/practitioners/" + id + "/training").then()
                .statusCode(200).body("coreComplete", equalTo(false))
                .body("missingCoreModules", contains("CORE-1B", "CORE-2B", "CORE-2C"));
        given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .body(Map.of("moduleCodes", List.of("CORE-1B", "CORE-2B"), "decidedOn", "2026-02-02",
                        "evidenceReference", "VAE-JURY-117"))
                .post("/api/v1/practitioners/" + id + "/training/prior-experience").then().statusCode(201)
                .body("kind", equalTo("PRIOR_EXPERIENCE")).body("decidedBy", equalTo("agent-1"));
        complete(id, "CORE-2C");
        given().header("Authorization", REGULATOR).get("/api/v1/practitioners/" + id + "/training").then()
                .body("coreComplete", equalTo(true)).body("missingCoreModules", empty())
                .body("records.size()", equalTo(4));
        given().header("Authorization", AGENT).get("/api/v1/practitioners/" + id).then()
                .body("coreComplete", equalTo(true)).body("coreCompletedAt", notNullValue());
    }

    @Test
    void trainingInputIsValidated() {
        String id = Fixtures.registered();
        Map<String, Object> body = new java.util.HashMap<>(completion("CORE-9Z"));
        body.put("trainingBody", Map.of("name", "X", "siret", "12345678901234"));
        body.put("delivery", "BY_PIGEON");
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(body)
                .post("/api/v1/practitioners/" + id + "/training/completions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("trainingBody.siret"));
        body.put("trainingBody", Map.of("name", "X", "siret", Fixtures.SIRET));
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(body)
                .post("/api/v1/practitioners/" + id + "/training/completions").then().statusCode(400)
                .body("errors.field", hasItem("moduleCode")).body("errors.field", hasItem("delivery"));
        given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .body(Map.of("moduleCodes", List.of("CORE-1A", "NOPE"), "decidedOn", "2026-02-02",
                        "evidenceReference", "VAE"))
                .post("/api/v1/practitioners/" + id + "/training/prior-experience").then().statusCode(400)
                .body("errors.field", contains("moduleCodes[1]"));
        // Dates before the practitioner's birth (1985-04-12), absurd ones included, name their field.
        body.put("moduleCode", "CORE-1A");
        body.put("delivery", "ON_SITE");
        body.put("completedOn", "1980-01-01");
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(body)
                .post("/api/v1/practitioners/" + id + "/training/completions").then().statusCode(400)
                .body("errors.field", contains("completedOn"));
        given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .body(Map.of("moduleCodes", List.of("CORE-1A"), "decidedOn", "-50000-01-01", "evidenceReference", "VAE"))
                .post("/api/v1/practitioners/" + id + "/training/prior-experience").then().statusCode(400)
                .body("errors.field", contains("decidedOn"));
    }

    @Test
    void aRetriedCompletionIsRecordedOnceAndAnsweredAsTheFirstWithTheReplaySaid() {
        String id = Fixtures.registered();
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", AGENT).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(completion("CORE-1A")).post("/api/v1/practitioners/" + id + "/training/completions")
                .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
        given().header("Authorization", AGENT).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(completion("CORE-1A")).post("/api/v1/practitioners/" + id + "/training/completions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().header("Authorization", AGENT).get("/api/v1/practitioners/" + id + "/training").then()
                .body("records.size()", equalTo(1));
        // The same key for another practitioner is another request: refused, naming the header.
        given().header("Authorization", AGENT).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(completion("CORE-1A")).post("/api/v1/practitioners/" + Fixtures.registered() + "/training/completions")
                .then().statusCode(422).body("errors.field", contains("Idempotency-Key"));
    }

    @Test
    void nothingIsPublishedByDefaultAndConsentsAreVersionedAndRevocable() {
        String subject = "consenting-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        String me = Tokens.bearer(subject, "practitioner");
        given().header("Authorization", me).get("/api/v1/practitioners/" + id + "/consents").then().statusCode(200)
                .body("version", equalTo(0)).body("listed", equalTo(false)).body("domains", equalTo(false))
                .body("contact", equalTo(false)).body("organisation", equalTo(false));
        given().header("Authorization", me).contentType(ContentType.JSON).body(consent(true))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200)
                .body("version", equalTo(1)).body("domains", equalTo(true)).body("organisation", equalTo(true))
                .body("givenAt", notNullValue());
        given().header("Authorization", me).contentType(ContentType.JSON).body(consent(false))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200)
                .body("version", equalTo(2)).body("listed", equalTo(false)).body("organisation", equalTo(false));
        given().header("Authorization", AGENT).get("/api/v1/practitioners/" + id + "/consents/history").then()
                .statusCode(200).body("version", contains(1, 2)).body("listed", contains(true, false))
                .body("organisation", contains(true, false));
    }

    @Test
    void aConsentWithoutOrganisationAsClientsBeforeItSendDoesNotPublishIt() {
        String subject = "older-client-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        String me = Tokens.bearer(subject, "practitioner");
        Map<String, Object> older = new HashMap<>(consent(true));
        older.remove("organisation");
        given().header("Authorization", me).contentType(ContentType.JSON).body(consent(true))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200)
                .body("organisation", equalTo(true));
        given().header("Authorization", me).contentType(ContentType.JSON).body(older)
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200)
                .body("version", equalTo(2)).body("listed", equalTo(true)).body("organisation", equalTo(false));
        older.put("organisation", "yes");
        given().header("Authorization", me).contentType(ContentType.JSON).body(older)
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(400)
                .body("errors.field", contains("organisation"));
    }

    @Test
    void simultaneousConsentChangesEachBecomeTheNextVersion() throws Exception {
        String subject = "double-click-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        String me = Tokens.bearer(subject, "practitioner");
        Callable<Integer> save = () -> given().header("Authorization", me).contentType(ContentType.JSON)
                .body(consent(true)).put("/api/v1/practitioners/" + id + "/consents").statusCode();
        assertEquals(Collections.nCopies(8, 200), concurrently(Collections.nCopies(8, save)));
        given().header("Authorization", me).get("/api/v1/practitioners/" + id + "/consents/history").then()
                .statusCode(200).body("version", contains(1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void aConsentMustStateEveryField() {
        String subject = "partial-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        given().header("Authorization", Tokens.bearer(subject, "practitioner")).contentType(ContentType.JSON)
                .body(Map.of("listed", true)).put("/api/v1/practitioners/" + id + "/consents").then().statusCode(400)
                .body("errors.field", hasItem("domains")).body("errors.field", hasItem("contact"));
    }

    @Test
    void anAgentRegisteredRecordIsLinkedToTheAccountWithTheSameVerifiedEmail() {
        String email = Fixtures.uniqueEmail();
        String id = Fixtures.register(AGENT, Fixtures.practitioner(email)).statusCode(201).extract().path("id");
        String subject = "linked-" + UUID.randomUUID();
        String token = Tokens.practitioner(subject, email);
        given().header("Authorization", token).get("/api/v1/practitioners/me").then().statusCode(200)
                .body("id", equalTo(id)).body("accountLinked", equalTo(true));
        given().header("Authorization", token).contentType(ContentType.JSON).body(consent(true))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200);
    }
}
