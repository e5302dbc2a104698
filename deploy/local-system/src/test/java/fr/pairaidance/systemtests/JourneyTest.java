package fr.pairaidance.systemtests;

import static fr.pairaidance.systemtests.Api.labelling;
import static fr.pairaidance.systemtests.Api.orientation;
import static fr.pairaidance.systemtests.Api.registry;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole journey through the public APIs of the running processes, with Keycloak tokens: from
 * registration to erasure, recording how long each event took to reach the next service.
 */
@ExtendWith(SystemUnderTest.Extension.class)
@org.junit.jupiter.api.Order(1)
class JourneyTest {

    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(30);
    private final Map<String, Long> propagationMillis = new LinkedHashMap<>();

    private void awaitStep(String step, BooleanSupplier condition) {
        long start = System.nanoTime();
        await(step).atMost(PROPAGATION_LIMIT).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
        propagationMillis.put(step, (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether a search of her zone lists her, on any page (other tests fill the zone too). */
    private static boolean listed(String employer, String registryNumber) {
        for (int page = 0; ; page++) {
            List<String> numbers = orientation(employer).queryParam("area", "ze:8421").queryParam("size", 50)
                    .queryParam("page", page).get("/api/v1/practitioners").then().statusCode(200).extract()
                    .path("items.registryNumber");
            if (numbers.contains(registryNumber)) {
                return true;
            }
            if (numbers.size() < 50) {
                return false;
            }
        }
    }

    private static Map<String, Object> scope() {
        return Map.of("domains", List.of("MENTAL_HEALTH"), "appellations", List.of("PAIR_AIDANT"));
    }

    @Test
    void fromRegistrationToErasure() throws java.io.IOException {
        String agent = KeycloakTokens.agency();
        String camille = KeycloakTokens.user("camille");
        String regine = KeycloakTokens.user("regine");
        String emma = KeycloakTokens.user("emma");

        // An agency registers Camille in Lyon and records the common core.
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("givenName", "Camille");
        record.put("familyName", "Martin");
        record.put("birthDate", "1984-02-10");
        record.put("email", "camille@pairaidance.test");
        record.put("phone", "+33611223344");
        record.put("communeCode", "69123");
        record.put("domains", List.of("MENTAL_HEALTH", "ADDICTION"));
        record.put("appellations", List.of("PAIR_AIDANT"));
        record.put("modes", List.of("VOLUNTEER"));
        record.put("formats", List.of("ONE_TO_ONE", "PEER_GROUP"));
        record.put("languages", List.of("fr"));
        record.put("remote", true);
        Response registered = Api.registerTrained(record);
        String practitionerId = registered.path("id");
        String registryNumber = registered.path("registryNumber");

        // Camille signs in: her account is linked to the record by her verified email; she consents.
        registry(camille).get("/api/v1/practitioners/me").then().statusCode(200)
                .body("id", equalTo(practitionerId)).body("coreComplete", equalTo(true));
        registry(camille).body(Map.of("listed", true, "domains", true, "appellations", true, "formats", true,
                "languages", true, "commune", false, "contact", true))
                .put("/api/v1/practitioners/" + practitionerId + "/consents").then().statusCode(200);

        // She applies for the label as soon as the labelling service knows she is eligible.
        String[] applicationId = new String[1];
        awaitStep("registry -> labelling (eligibility)", () -> {
            Response r = labelling(camille).body(Map.of("scope", scope())).post("/api/v1/applications");
            applicationId[0] = r.statusCode() == 201 ? r.path("id") : null;
            return applicationId[0] != null;
        });

        // A regulator takes the application and grants the label.
        String etag = labelling(regine).get("/api/v1/applications/" + applicationId[0]).then().statusCode(200)
                .extract().header("ETag");
        etag = labelling(regine).header("If-Match", etag).post("/api/v1/applications/" + applicationId[0] + "/assignment")
                .then().statusCode(200).extract().header("ETag");
        labelling(regine).header("If-Match", etag)
                .body(Map.of("reason", "Common core and supervised practice verified", "scope", scope()))
                .post("/api/v1/applications/" + applicationId[0] + "/grant").then().statusCode(200);
        String labelNumber = labelling(camille).get("/api/v1/labels/mine").then().statusCode(200)
                .extract().path("[0].number");

        // Anyone verifies the label; its domains show because she consented to publish hers.
        labelling(null).get("/api/v1/labels/" + labelNumber + "/verification").then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("valid", equalTo(true))
                .body("practitionerName", equalTo("Camille M."));
        awaitStep("registry -> labelling (consent to publish domains)", () -> List.of("MENTAL_HEALTH").equals(
                labelling(null).get("/api/v1/labels/" + labelNumber + "/verification").then().extract()
                        .path("scope.domains")));

        // An employer in the same zone finds her and sends a request; she accepts; the employer gets the contact.
        awaitStep("labelling -> orientation (granted)", () -> listed(emma, registryNumber));
        String requestId = orientation(emma).body(Map.of("registryNumber", registryNumber, "area", "ze:8421",
                "domains", List.of("MENTAL_HEALTH"), "format", "PEER_GROUP", "workforceSize", 250,
                "message", "Nous cherchons un accompagnement pour nos salariés."))
                .post("/api/v1/requests").then().statusCode(201).extract().path("items[0].id");
        orientation(emma).get("/api/v1/requests/" + requestId).then().statusCode(200).body("contact", nullValue());
        orientation(camille).get("/api/v1/requests/received").then().statusCode(200);
        orientation(camille).post("/api/v1/requests/" + requestId + "/acceptance").then().statusCode(200);
        orientation(emma).get("/api/v1/requests/" + requestId).then().statusCode(200)
                .body("contact.email", equalTo("camille@pairaidance.test"));
        orientation(KeycloakTokens.user("eric")).get("/api/v1/requests/" + requestId).then().statusCode(404);

        // Suspension hides her; reinstatement brings her back.
        String labelEtag = labelling(regine).get("/api/v1/labels/" + labelNumber).then().extract().header("ETag");
        labelEtag = labelling(regine).header("If-Match", labelEtag).body(Map.of("reason", "Complaint under review"))
                .post("/api/v1/labels/" + labelNumber + "/suspension").then().statusCode(200).extract().header("ETag");
        awaitStep("labelling -> orientation (suspended)", () -> !listed(emma, registryNumber));
        labelling(regine).header("If-Match", labelEtag).body(Map.of("reason", "Complaint dismissed"))
                .post("/api/v1/labels/" + labelNumber + "/reinstatement").then().statusCode(200);
        awaitStep("labelling -> orientation (reinstated)", () -> listed(emma, registryNumber));

        // She withdraws: every service erases her personal data.
        registry(camille).post("/api/v1/practitioners/" + practitionerId + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("email", nullValue());
        awaitStep("registry -> orientation (withdrawn)", () -> !listed(emma, registryNumber));
        awaitStep("registry -> labelling (withdrawn)", () -> "WITHDRAWN".equals(
                labelling(regine).get("/api/v1/labels/" + labelNumber).then().extract().path("state")));
        labelling(null).get("/api/v1/labels/" + labelNumber + "/verification").then()
                .body("practitionerName", nullValue()).body("grantedOn", notNullValue());
        String contactAfter = orientation(emma).get("/api/v1/requests/" + requestId).then().extract().asString();
        assertFalse(contactAfter.contains("camille@pairaidance.test"), "the contact is erased in orientation too");
        registry(agent).get("/api/v1/practitioners/" + practitionerId).then().statusCode(200)
                .body("registryNumber", equalTo(registryNumber)).body("givenName", nullValue());

        // The services' logs of the whole journey hold none of her personal data.
        for (String service : List.of("registry-service", "labelling-service", "orientation-service")) {
            String log = java.nio.file.Files.readString(SystemUnderTest.get().logFile(service));
            for (String personal : List.of("camille@pairaidance.test", "+33611223344", "Martin", "1984-02-10",
                    "MENTAL_HEALTH", "Nous cherchons")) {
                assertFalse(log.contains(personal), service + "'s log holds personal data: " + personal);
            }
        }
        // Each step above already failed the test past PROPAGATION_LIMIT; the times are reported, not asserted.
        System.out.println("Event propagation in the journey (ms): " + propagationMillis);
    }
}
