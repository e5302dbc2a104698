package fr.pairaidance.orientation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The employer's self-diagnosis: exact arithmetic, sources, suppression, saving. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class SelfDiagnosisTest {

    @Inject
    DataSource ds;

    /** 100 employees: 10 women and 10 men aged 18-29, 20 women aged 55-64, 60 men aged 30-44. */
    static final Map<String, Object> WORKFORCE = Map.of("area", "ze:8421", "workforce", List.of(
            Map.of("ageBand", "18-29", "gender", "F", "count", 10),
            Map.of("ageBand", "18-29", "gender", "M", "count", 10),
            Map.of("ageBand", "55-64", "gender", "F", "count", 20),
            Map.of("ageBand", "30-44", "gender", "M", "count", 60)));

    static ValidatableResponse diagnose(String token, Object body, String path) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", token);
        }
        return request.post(path).then();
    }

    private static String estimate(String situation, String source) {
        return "situations.find { it.code == '" + situation + "' }.estimates.find { it.sourceId == '" + source + "' }";
    }

    @Test
    void estimatesAreExactWithTheirSourcePopulationAndDomains() {
        diagnose(null, WORKFORCE, "/api/v1/self-diagnosis").statusCode(200)
                .body("workforceTotal", equalTo(100))
                // S1: 10x16.7% + 10x16.7% + 20x25% + 60x16.7% = 18.36 -> 18 (general population)
                .body(estimate("CARE", "S1") + ".estimate", equalTo(18))
                .body(estimate("CARE", "S1") + ".describes", equalTo("GENERAL_POPULATION"))
                .body(estimate("CARE", "S1") + ".population", equalTo("adultes"))
                // S2: 100 x 15% = 15 (workers), listed before the general population figure
                .body("situations.find { it.code == 'CARE' }.estimates[0].sourceId", equalTo("S2"))
                .body(estimate("CARE", "S2") + ".estimate", equalTo(15))
                .body(estimate("CARE", "S2") + ".describes", equalTo("WORKERS"))
                // S4 by gender: 30 x 11.4% + 70 x 5.3% = 3.42 + 3.71 = 7.13 -> 7
                .body(estimate("MENTAL_HEALTH", "S4") + ".estimate", equalTo(7))
                // S5 covers the 18-29 only: 20 x 22% = 4.4 -> 4
                .body(estimate("MENTAL_HEALTH", "S5") + ".estimate", equalTo(4))
                .body(estimate("MENTAL_HEALTH", "S5") + ".employeesCovered", equalTo(20))
                // S13: 30 x 14.7% + 70 x 33.2% = 4.41 + 23.24 = 27.65 -> 28
                .body(estimate("ADDICTION", "S13") + ".estimate", equalTo(28))
                // S15: 100 x 3.4% = 3.4 -> 3
                .body(estimate("ADDICTION", "S15") + ".estimate", equalTo(3))
                .body(estimate("DISABILITY", "S3") + ".estimate", equalTo(4))
                .body(estimate("BEREAVEMENT", "S18") + ".estimate", equalTo(25))
                .body(estimate("CHRONIC_ILLNESS", "S7") + ".estimate", equalTo(15))
                // S8's "about 30" and "about 60" match no band of the self-diagnosis
                .body("situations.find { it.code == 'CHRONIC_ILLNESS' }.estimates", hasSize(1))
                .body(estimate("CARE", "S1") + ".source", org.hamcrest.Matchers.startsWith("DREES"))
                .body("situations.find { it.code == 'DISABILITY' }.domains",
                        contains("PHYSICAL_DISABILITY", "SENSORY_DISABILITY"))
                .body("situations.find { it.code == 'CARE' }.searchUrl",
                        equalTo("/api/v1/practitioners?area=ze:8421&domain=FAMILY_CAREGIVING"));
    }

    @Test
    void smallEstimatesAreSuppressed() {
        Map<String, Object> small = Map.of("workforce", List.of(Map.of("ageBand", "30-44", "gender", "M", "count", 10)));
        diagnose(null, small, "/api/v1/self-diagnosis").statusCode(200)
                .body("suppressionThreshold", equalTo(3))
                // 10 x 3.6% = 0.36
                .body(estimate("DISABILITY", "S3") + ".estimate", nullValue())
                .body(estimate("DISABILITY", "S3") + ".suppressed", equalTo(true))
                .body(estimate("DISABILITY", "S3") + ".display", equalTo("< 3"))
                // 10 x 33.2% = 3.32 -> 3: shown
                .body(estimate("ADDICTION", "S13") + ".estimate", equalTo(3))
                .body(estimate("ADDICTION", "S13") + ".suppressed", equalTo(false));
    }

    @Test
    void anonymousUseStoresNothingAndOnlyEmployersSave() {
        long before = Db.count(ds, "select count(*) from saved_diagnosis");
        diagnose(null, WORKFORCE, "/api/v1/self-diagnosis").statusCode(200);
        assertEquals(before, Db.count(ds, "select count(*) from saved_diagnosis"));
        diagnose(null, WORKFORCE, "/api/v1/self-diagnosis?save=true").statusCode(401);
        diagnose(Tokens.bearer("p-1", "practitioner"), WORKFORCE, "/api/v1/self-diagnosis?save=true").statusCode(403);

        String employer = Tokens.bearer("employer-diag", "employer");
        String id = diagnose(employer, WORKFORCE, "/api/v1/self-diagnosis?save=true").statusCode(201)
                .body("result.workforceTotal", equalTo(100)).extract().path("id");
        diagnose(employer, WORKFORCE, "/api/v1/self-diagnosis/saved").statusCode(201);
        given().header("Authorization", employer).get("/api/v1/self-diagnosis/saved").then().statusCode(200)
                .body("items", hasSize(2)).body("items.id", org.hamcrest.Matchers.hasItem(id));
        given().header("Authorization", Tokens.bearer("employer-other", "employer")).get("/api/v1/self-diagnosis/saved")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aWrongWorkforceIsA400NamingTheField() {
        Map<String, Object> wrong = Map.of("workforce", List.of(Map.of("ageBand", "12-15", "gender", "F", "count", -1)));
        diagnose(null, wrong, "/api/v1/self-diagnosis").statusCode(400)
                .body("errors.field", hasSize(2))
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("ageBand")))
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("count")));
    }
}
