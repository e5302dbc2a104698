package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static fr.pairaidance.registry.Fixtures.completion;
import static fr.pairaidance.registry.Fixtures.consent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Withdrawal erases personal data and keeps only what proves past decisions. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class WithdrawalTest {

    @Inject
    EntityManager em;

    @Test
    void withdrawalLeavesNoPersonalDataInTheServiceTables() {
        String subject = "leaving-" + UUID.randomUUID();
        String me = Tokens.bearer(subject, "practitioner");
        String id = Fixtures.selfRegistered(subject);
        String number = given().header("Authorization", me).get("/api/v1/practitioners/" + id).then()
                .extract().path("registryNumber");
        given().header("Authorization", me).contentType(ContentType.JSON).body(consent(true))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200);
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(completion("CORE-1A"))
                .post("/api/v1/practitioners/" + id + "/training/completions").then().statusCode(201);

        given().header("Authorization", me).post("/api/v1/practitioners/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("registryNumber", equalTo(number))
                .body("registeredAt", notNullValue()).body("withdrawnAt", notNullValue())
                .body("givenName", nullValue()).body("email", nullValue());

        String row = (String) em.createNativeQuery("select row_to_json(p)::text from practitioner p where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
        for (String personal : List.of("Camille", "Durand", "1985-04-12", "@example.org", "+33612345678", "69123",
                "MENTAL_HEALTH", "PAIR_AIDANT", Fixtures.SIRET, subject)) {
            assertFalse(row.contains(personal), "the practitioner row still holds " + personal);
        }
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from training_record where practitioner_id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
        // The consent versions stay, as proof of what was published, without the account that gave them.
        String consents = (String) em.createNativeQuery(
                        "select coalesce(json_agg(c)::text, '') from consent c where practitioner_id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
        assertTrue(consents.contains("\"version\":1"), consents);
        assertFalse(consents.contains(subject), "the consent versions still name the account");
        // The account is unlinked: the former practitioner has no record any more.
        given().header("Authorization", me).get("/api/v1/practitioners/me").then().statusCode(404);
    }

    @Test
    void aWithdrawnRecordCannotBeChanged() {
        String id = Fixtures.registered();
        given().header("Authorization", AGENT).post("/api/v1/practitioners/" + id + "/withdrawal").then().statusCode(200);
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(completion("CORE-1A"))
                .post("/api/v1/practitioners/" + id + "/training/completions").then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", AGENT).post("/api/v1/practitioners/" + id + "/withdrawal").then().statusCode(409);
    }
}
