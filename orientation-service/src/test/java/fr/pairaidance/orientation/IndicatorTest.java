package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.published;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Territory indicators of Corsica (used by no other test), with small counts suppressed. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class IndicatorTest {

    @Test
    void countsPerDomainAndDensityWithSmallCountsSuppressed() {
        for (int i = 0; i < 6; i++) {
            Feed.P p = new Feed.P().speaking("co").in("2A004", "9401", "2A", "94");
            if (i < 2) {
                p.domains("MENTAL_HEALTH", "ADDICTION");
            }
            published(p);
        }
        given().queryParam("area", "dep:2A").get("/api/v1/indicators").then().statusCode(200)
                .body("areaName", equalTo("Corse-du-Sud"))
                .body("labelledPractitioners.value", equalTo(6))
                .body("labelledPractitioners.suppressed", equalTo(false))
                .body("practitionersPer100k", org.hamcrest.Matchers.notNullValue())
                .body("byDomain.find { it.domain == 'MENTAL_HEALTH' }.practitioners.value", equalTo(6))
                .body("byDomain.find { it.domain == 'ADDICTION' }.practitioners.value", nullValue())
                .body("byDomain.find { it.domain == 'ADDICTION' }.practitioners.suppressed", equalTo(true))
                .body("byDomain.find { it.domain == 'CANCER' }.practitioners.value", equalTo(0))
                .body("requests.sent.value", equalTo(0))
                .body("requests.acceptanceRate", nullValue());
        given().accept("text/csv").queryParam("area", "reg:94").get("/api/v1/indicators").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("indicator,key,value,suppressed\n"))
                .body(containsString("labelled_practitioners,,6,false\n"))
                .body(containsString("practitioners_by_domain,ADDICTION,,true\n"));
    }

    @Test
    void theAcceptHeadersPreferencesChooseJsonOrCsv() {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String accept : List.of("text/*", "application/json;q=0.1, text/csv", "text/csv;q=0.5, application/json",
                "*/*", "text/html, */*;q=0.8", "")) {
            Response answer = given().header("Accept", accept).queryParam("area", "reg:94").get("/api/v1/indicators");
            answer.then().statusCode(200);
            assertEquals(List.of("Accept"), answer.headers().getValues("Vary"), accept);
            chosen.put(accept, answer.contentType().replaceAll(";.*", ""));
        }
        assertEquals(Map.of("text/*", "text/csv", "application/json;q=0.1, text/csv", "text/csv",
                "text/csv;q=0.5, application/json", "application/json", "*/*", "application/json",
                "text/html, */*;q=0.8", "application/json", "", "application/json"), chosen);
        given().header("Accept", "image/png").queryParam("area", "reg:94").get("/api/v1/indicators").then()
                .statusCode(406).contentType("application/problem+json");
    }

    @Test
    void searchesThatFoundNobodyInTheAreaAreUnmetDemand() {
        for (int i = 0; i < 5; i++) {
            given().queryParam("area", "ze:9402").queryParam("domain", "EATING_DISORDERS")
                    .get("/api/v1/practitioners").then().statusCode(200).body("areaHasMatches", equalTo(false));
        }
        given().queryParam("area", "dep:2B").get("/api/v1/indicators").then().statusCode(200)
                .body("unmetDemand.searches.value", equalTo(5))
                .body("unmetDemand.searchesWithNobodyInArea.value", equalTo(5));
        given().queryParam("area", "ze:9402").queryParam("domain", "EATING_DISORDERS").queryParam("page", "1")
                .get("/api/v1/practitioners").then().statusCode(200);
        given().queryParam("area", "ze:9402").get("/api/v1/indicators").then().statusCode(200)
                .body("unmetDemand.searches.value", equalTo(5));
    }

    @Test
    void indicatorsNeedAZoneDepartmentOrRegion() {
        given().queryParam("area", "com:2A004").get("/api/v1/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("area"));
        given().get("/api/v1/indicators").then().statusCode(400).body("errors[0].field", equalTo("area"));
    }
}
