package fr.pairaidance.orientation;

import static io.restassured.RestAssured.given;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may call what: anonymous and every role, on every endpoint. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class AuthorizationTest {

    static final String EMPLOYER = Tokens.bearer("employer-authz", "employer");
    static final String PRACTITIONER = Tokens.bearer("practitioner-authz", "practitioner");
    static final String PORTAL = Tokens.bearer("portal-a", "job-portal");
    static final String REGULATOR = Tokens.bearer("regulator-authz", "regulator");
    static final String AGENT = Tokens.bearer("agent-authz", "registry-agent");
    static final Map<String, Object> DIAGNOSIS = Map.of("workforce",
            List.of(Map.of("ageBand", "30-44", "gender", "F", "count", 10)));
    static final Map<String, Object> REQUEST = Map.of("bestMatches", 1, "area", "ze:8421");

    private static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", token);
    }

    @Test
    void publicReadsAreOpenToAnonymousAndEveryRole() {
        for (String token : new String[] {null, EMPLOYER, PRACTITIONER, PORTAL, REGULATOR, AGENT}) {
            as(token).get("/api/v1/practitioners").then().statusCode(200);
            as(token).get("/api/v1/geography/communes?code=com:69123").then().statusCode(200);
            as(token).get("/api/v1/geography/zones?area=dep:69").then().statusCode(200);
            as(token).get("/api/v1/indicators?area=dep:69").then().statusCode(200);
            as(token).body(DIAGNOSIS).post("/api/v1/self-diagnosis").then().statusCode(200);
            as(token).get("/api/v1/vocabularies").then().statusCode(200);
            as(token).get("/ping").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("ok"));
            as(token).get("/api/v1/data-inclusion/services").then().statusCode(200);
            as(token).get("/api/v1/data-inclusion/structures").then().statusCode(200);
            as(token).get("/api/v1/data-inclusion/services.jsonl").then().statusCode(200);
            as(token).get("/api/v1/data-inclusion/structures.jsonl").then().statusCode(200);
        }
    }

    @Test
    void anonymousCallersGet401OnEverySignedInEndpoint() {
        String id = UUID.randomUUID().toString();
        as(null).body(REQUEST).post("/api/v1/requests").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        as(null).get("/api/v1/requests/mine").then().statusCode(401);
        as(null).get("/api/v1/requests/received").then().statusCode(401);
        as(null).get("/api/v1/requests/" + id).then().statusCode(401);
        as(null).post("/api/v1/requests/" + id + "/acceptance").then().statusCode(401);
        as(null).post("/api/v1/requests/" + id + "/decline").then().statusCode(401);
        as(null).get("/api/v1/self-diagnosis/saved").then().statusCode(401);
        as(null).body(DIAGNOSIS).post("/api/v1/self-diagnosis/saved").then().statusCode(401);
        as(null).post("/api/v1/admin/read-model/rebuild").then().statusCode(401);
    }

    @Test
    void aForgedTokenIs401EvenOnPublicReads() {
        as("Bearer not.a.token").get("/api/v1/practitioners").then().statusCode(401);
    }

    @Test
    void eachRoleOnlyReachesItsOwnEndpoints() {
        String id = UUID.randomUUID().toString();
        for (String token : new String[] {PRACTITIONER, PORTAL, REGULATOR, AGENT}) {
            as(token).body(REQUEST).post("/api/v1/requests").then().statusCode(403)
                    .contentType("application/problem+json");
            as(token).get("/api/v1/requests/mine").then().statusCode(403);
            as(token).get("/api/v1/self-diagnosis/saved").then().statusCode(403);
        }
        for (String token : new String[] {EMPLOYER, PORTAL, REGULATOR, AGENT}) {
            as(token).get("/api/v1/requests/received").then().statusCode(403);
            as(token).post("/api/v1/requests/" + id + "/acceptance").then().statusCode(403);
            as(token).post("/api/v1/requests/" + id + "/decline").then().statusCode(403);
        }
        for (String token : new String[] {PORTAL, REGULATOR, AGENT}) {
            as(token).get("/api/v1/requests/" + id).then().statusCode(403);
        }
        for (String token : new String[] {EMPLOYER, PRACTITIONER, PORTAL, AGENT}) {
            as(token).post("/api/v1/admin/read-model/rebuild").then().statusCode(403);
        }
        as(EMPLOYER).get("/api/v1/requests/" + id).then().statusCode(404);
        as(PRACTITIONER).get("/api/v1/requests/" + id).then().statusCode(404);
    }
}
