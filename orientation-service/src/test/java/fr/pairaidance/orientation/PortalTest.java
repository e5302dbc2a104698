package fr.pairaidance.orientation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedding in job portals: CORS per client, rate limits, OpenAPI. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class PortalTest {

    @Test
    void aPreflightFromARegisteredOriginIsAllowedAndAnyOtherRefused() {
        given().header("Origin", "https://jobs-a.example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/practitioners").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://jobs-a.example.org")
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/practitioners").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPublicAnswerVariesByOriginSoASharedCacheKeepsTheCorsHeadersApart() {
        List<String> withoutOrigin = given().get("/api/v1/practitioners?area=ze:8421").then().statusCode(200)
                .header("Cache-Control", startsWith("public")).extract().headers().getValues("Vary");
        assertTrue(String.join(",", withoutOrigin).contains("Origin"), withoutOrigin.toString());
        List<String> withOrigin = given().header("Origin", "https://platform.example.org")
                .get("/api/v1/practitioners?area=ze:8421").then().statusCode(200).extract().headers().getValues("Vary");
        assertEquals(1, String.join(",", withOrigin).split("Origin", -1).length - 1, withOrigin.toString());
    }

    @Test
    void eachClientMayCallOnlyFromItsOwnOrigins() {
        given().header("Origin", "https://platform.example.org").get("/api/v1/geography/zones?area=dep:69")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://platform.example.org");
        given().header("Origin", "https://jobs-a.example.org").get("/api/v1/geography/zones?area=dep:69")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        String portalA = Tokens.bearer("portal-a", "job-portal");
        given().header("Authorization", portalA).header("Origin", "https://jobs-a.example.org")
                .get("/api/v1/practitioners").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://jobs-a.example.org")
                .header("Cache-Control", "private, no-cache");
        given().header("Authorization", portalA).header("Origin", "https://jobs-b.example.org")
                .get("/api/v1/practitioners").then().statusCode(403);
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        String limited = Tokens.bearer("portal-limited", "job-portal");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", limited).get("/api/v1/geography/zones?area=reg:53").then().statusCode(200);
        }
        given().header("Authorization", limited).get("/api/v1/geography/zones?area=reg:53").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // Another client is not affected.
        given().header("Authorization", Tokens.bearer("portal-a", "job-portal"))
                .get("/api/v1/geography/zones?area=reg:53").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheSearchWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/practitioners'.get.summary", equalTo("Search labelled peer helpers"))
                .body(containsString("PA-2026-000042"));
    }
}
