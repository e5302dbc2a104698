package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.AGENT;
import static fr.pairaidance.labelling.Fixtures.EMPLOYER;
import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.SCOPE;
import static fr.pairaidance.labelling.Fixtures.as;
import static fr.pairaidance.labelling.Fixtures.assign;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static fr.pairaidance.labelling.Fixtures.reason;
import static fr.pairaidance.labelling.Fixtures.refuse;
import static fr.pairaidance.labelling.Fixtures.submitted;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.pairaidance.labelling.Fixtures.Practitioner;
import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may and who may not, for every endpoint. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class AuthorizationTest {

    /** method, path template ({a} application id, {n} label number), body, roles allowed. */
    private record Endpoint(String method, String path, Object body, List<String> roles) {
        String at(String application, String number) {
            return path.replace("{a}", application).replace("{n}", number);
        }
    }

    private static final Map<String, Object> GRANT = Map.of("reason", "ok", "scope", SCOPE);
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/applications", Map.of("scope", SCOPE), List.of("practitioner", "registry-agent")),
            new Endpoint("GET", "/api/v1/applications", null, List.of("regulator", "registry-agent")),
            new Endpoint("GET", "/api/v1/applications/mine", null, List.of("practitioner")),
            new Endpoint("GET", "/api/v1/applications/{a}", null, List.of("regulator", "registry-agent", "practitioner")),
            new Endpoint("POST", "/api/v1/applications/{a}/assignment", null, List.of("regulator")),
            new Endpoint("POST", "/api/v1/applications/{a}/grant", GRANT, List.of("regulator")),
            new Endpoint("POST", "/api/v1/applications/{a}/refusal", reason("x"), List.of("regulator")),
            new Endpoint("POST", "/api/v1/applications/{a}/appeal", reason("x"), List.of("practitioner", "registry-agent")),
            new Endpoint("POST", "/api/v1/applications/{a}/appeal-decision",
                    Map.of("outcome", "DISMISSED", "reason", "x"), List.of("regulator")),
            new Endpoint("GET", "/api/v1/labels", null, List.of("regulator", "registry-agent")),
            new Endpoint("GET", "/api/v1/labels/mine", null, List.of("practitioner")),
            new Endpoint("GET", "/api/v1/labels/{n}", null, List.of("regulator", "registry-agent", "practitioner")),
            new Endpoint("GET", "/api/v1/labels/{n}/history", null, List.of("regulator")),
            new Endpoint("POST", "/api/v1/labels/{n}/suspension", reason("x"), List.of("regulator")),
            new Endpoint("POST", "/api/v1/labels/{n}/reinstatement", reason("x"), List.of("regulator")),
            new Endpoint("POST", "/api/v1/labels/{n}/revocation", reason("x"), List.of("regulator")),
            new Endpoint("POST", "/api/v1/labels/{n}/renewal", reason("x"), List.of("regulator")));

    private static final List<String> ROLES = List.of("regulator", "registry-agent", "practitioner", "employer",
            "job-portal");

    private static int call(String token, Endpoint e, String application, String number) {
        var spec = as(token).header("If-Match", "\"999\"");
        if (e.body() != null) {
            spec = spec.body(e.body());
        }
        return spec.request(e.method(), e.at(application, number)).statusCode();
    }

    @Test
    void everyEndpointAnswers401WithoutATokenAnd403ToOtherRoles() {
        String application = submitted(eligible());
        String number = labelOf(eligible());
        for (Endpoint e : ENDPOINTS) {
            as(null).body(e.body() == null ? "" : e.body()).request(e.method(), e.at(application, number)).then()
                    .statusCode(401).contentType("application/problem+json");
            for (String role : ROLES) {
                int status = call(Tokens.bearer("someone-" + role, role), e,
                        application, number);
                String what = e.method() + " " + e.path() + " as " + role;
                if (!e.roles().contains(role)) {
                    assertEquals(403, status, what);
                } else {
                    assertNotEquals(401, status, what);
                    // A practitioner may be refused another's record (403), tested below.
                    if (!role.equals("practitioner")) {
                        assertNotEquals(403, status, what);
                    }
                }
            }
        }
    }

    @Test
    void thePublicEndpointsNeedNoToken() {
        String number = labelOf(eligible());
        as(null).header("X-Forwarded-For", "203.0.113.9").get("/api/v1/labels/" + number + "/verification").then()
                .statusCode(200);
        as(null).get("/api/v1/labels/jwks.json").then().statusCode(200);
        as(null).get("/api/v1/vocabularies").then().statusCode(200);
    }

    @Test
    void aPractitionerNeverSeesNorActsOnAnothersApplicationOrLabel() {
        Practitioner alice = eligible();
        Practitioner bob = eligible();
        String bobsApplication = submitted(bob);
        assign(REGULATOR, bobsApplication);
        refuse(REGULATOR, bobsApplication).statusCode(200);
        Practitioner carol = eligible();
        String carolsLabel = labelOf(carol);

        as(alice.token()).get("/api/v1/applications/" + bobsApplication).then().statusCode(403)
                .contentType("application/problem+json");
        as(alice.token()).header("If-Match", Fixtures.applicationEtag(bobsApplication)).body(reason("mine now"))
                .post("/api/v1/applications/" + bobsApplication + "/appeal").then().statusCode(403);
        as(alice.token()).get("/api/v1/labels/" + carolsLabel).then().statusCode(403);
        as(alice.token()).get("/api/v1/applications/mine").then().statusCode(200).body("$", emptyIterable());
        as(alice.token()).get("/api/v1/labels/mine").then().statusCode(200).body("$", emptyIterable());

        as(bob.token()).get("/api/v1/applications/" + bobsApplication).then().statusCode(200);
        as(bob.token()).get("/api/v1/applications/mine").then().statusCode(200)
                .body("id", contains(bobsApplication));
        as(carol.token()).get("/api/v1/labels/" + carolsLabel).then().statusCode(200)
                .body("number", equalTo(carolsLabel));
        as(AGENT).get("/api/v1/labels/" + carolsLabel).then().statusCode(200);
        as(EMPLOYER).get("/api/v1/labels/" + carolsLabel).then().statusCode(403);
    }
}
