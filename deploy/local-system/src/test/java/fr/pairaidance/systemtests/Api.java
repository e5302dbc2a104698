package fr.pairaidance.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests to the running services, with or without a bearer token. */
final class Api {

    private Api() {
    }

    static RequestSpecification registry(String token) {
        return spec(SystemUnderTest.get().serviceUrl("registry-service"), token);
    }

    static RequestSpecification labelling(String token) {
        return spec(SystemUnderTest.get().serviceUrl("labelling-service"), token);
    }

    static RequestSpecification orientation(String token) {
        return spec(SystemUnderTest.get().serviceUrl("orientation-service"), token);
    }

    /** A registration as an agency sends it, with an email of its own; only what varies is given. */
    static Map<String, Object> registration(String familyName, String communeCode, String domain, String appellation,
            String format) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", "Test");
        body.put("familyName", familyName);
        body.put("birthDate", "1980-05-05");
        body.put("email", familyName.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@example.org");
        body.put("communeCode", communeCode);
        body.put("domains", List.of(domain));
        body.put("appellations", List.of(appellation));
        body.put("modes", List.of("VOLUNTEER"));
        body.put("formats", List.of(format));
        body.put("languages", List.of("fr"));
        body.put("remote", false);
        return body;
    }

    /**
     * Registers the record as the agencies' client does, then records the five modules of the common core;
     * returns the registration's answer (id, registry number).
     */
    static io.restassured.response.Response registerTrained(Map<String, Object> record) {
        String agent = KeycloakTokens.agency();
        io.restassured.response.Response registered = registry(agent).body(record).post("/api/v1/practitioners");
        registered.then().statusCode(201);
        completeCore(registered.path("id"));
        return registered;
    }

    /** An agency records the five modules of the common core for the practitioner. */
    static void completeCore(String practitionerId) {
        String agent = KeycloakTokens.agency();
        for (String module : List.of("CORE-1A", "CORE-1B", "CORE-2A", "CORE-2B", "CORE-2C")) {
            registry(agent).body(Map.of("moduleCode", module, "completedOn", "2026-03-02",
                    "trainingBody", Map.of("name", "Institut pair-aidance", "siret", "73282932000074"),
                    "evidenceReference", "ATT-" + module, "delivery", "REMOTE"))
                    .post("/api/v1/practitioners/" + practitionerId + "/training/completions").then().statusCode(201);
        }
    }

    static RequestSpecification spec(String baseUri, String token) {
        RequestSpecification spec = given().baseUri(baseUri).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }
}
