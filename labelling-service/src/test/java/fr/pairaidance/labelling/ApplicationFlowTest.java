package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.AGENT;
import static fr.pairaidance.labelling.Fixtures.OTHER_REGULATOR;
import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.SCOPE;
import static fr.pairaidance.labelling.Fixtures.applicationEtag;
import static fr.pairaidance.labelling.Fixtures.apply;
import static fr.pairaidance.labelling.Fixtures.as;
import static fr.pairaidance.labelling.Fixtures.assign;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.grant;
import static fr.pairaidance.labelling.Fixtures.post;
import static fr.pairaidance.labelling.Fixtures.reason;
import static fr.pairaidance.labelling.Fixtures.refuse;
import static fr.pairaidance.labelling.Fixtures.submitted;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.pairaidance.labelling.Fixtures.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** From application to decision: review, grant, refusal, appeal, and the rules that guard them. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class ApplicationFlowTest {

    private static final String APPLICATIONS = "/api/v1/applications/";

    @Test
    void aPractitionerAppliesARegulatorTakesItAndGrantsALabel() {
        Practitioner p = eligible();
        String id = apply(p.token(), null).statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/applications/[0-9a-f-]{36}"))
                .header("ETag", matchesPattern("\"\\d+\""))
                .body("state", equalTo("SUBMITTED"))
                .body("practitionerId", equalTo(p.id()))
                .body("requestedScope.domains", contains("MENTAL_HEALTH"))
                .body("decisions.action", contains("SUBMITTED"))
                .body("decisions[0].by", equalTo("practitioner"))
                .extract().path("id");
        post(REGULATOR, APPLICATIONS + id + "/assignment", null, applicationEtag(id)).statusCode(200)
                .body("state", equalTo("UNDER_REVIEW")).body("reviewer", equalTo("regulator-a"));
        String number = grant(REGULATOR, id).statusCode(200)
                .body("state", equalTo("GRANTED"))
                .body("decisions.action", contains("SUBMITTED", "ASSIGNED", "GRANTED"))
                .body("decisions[2].reason", equalTo("Common core and supervised practice verified"))
                .extract().path("labelNumber");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        as(REGULATOR).get("/api/v1/labels/" + number).then().statusCode(200)
                .body("number", matchesPattern("LBL-" + today.getYear() + "-\\d{6}"))
                .body("state", equalTo("ACTIVE"))
                .body("practitionerId", equalTo(p.id()))
                .body("scope.domains", contains("MENTAL_HEALTH"))
                .body("scope.appellations", contains("PAIR_AIDANT"))
                .body("expiresOn", equalTo(today.plusYears(3).toString()));
        as(p.token()).get("/api/v1/labels/mine").then().statusCode(200).body("number", contains(number));
    }

    @Test
    void labelNumbersAreUnique() {
        String first = Fixtures.labelOf(eligible());
        String second = Fixtures.labelOf(eligible());
        assertNotEquals(first, second);
    }

    @Test
    void anAgentAppliesOnBehalfAndMustNameThePractitioner() {
        Practitioner p = eligible();
        apply(AGENT, p.id()).statusCode(201).body("decisions[0].by", equalTo("agent-1"));
        apply(AGENT, null).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("practitionerId"));
    }

    @Test
    void oneOpenApplicationAtATimeAndNoneWhileLabelled() {
        Practitioner p = eligible();
        String id = submitted(p);
        apply(AGENT, p.id()).statusCode(409).body("type", endsWith("application-open"));
        assign(REGULATOR, id);
        grant(REGULATOR, id).statusCode(200);
        apply(p.token(), null).statusCode(409).body("type", endsWith("already-labelled"));
    }

    @Test
    void anOldRefusalIsNotAppealedWhileThePractitionerHoldsALabel() {
        Practitioner p = eligible();
        String refused = submitted(p);
        assign(REGULATOR, refused);
        refuse(REGULATOR, refused).statusCode(200);
        String granted = submitted(p);
        assign(REGULATOR, granted);
        grant(REGULATOR, granted).statusCode(200);
        post(p.token(), APPLICATIONS + refused + "/appeal", reason("Contest the old refusal"), applicationEtag(refused))
                .statusCode(409).body("type", endsWith("already-labelled"));
        as(REGULATOR).get(APPLICATIONS + refused).then().statusCode(200).body("state", equalTo("REFUSED"));
    }

    @Test
    void aReasonWithAControlCharacterIsRefusedNamingTheField() {
        String id = submitted(eligible());
        assign(REGULATOR, id);
        post(REGULATOR, APPLICATIONS + id + "/refusal", Map.of("reason", "Incomplete\u0000 file"), applicationEtag(id))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"))
                .body("errors.message", contains("must not contain control characters"));
        post(REGULATOR, APPLICATIONS + id + "/refusal", Map.of("reason", "Incomplete file:\n- no supervision log"),
                applicationEtag(id)).statusCode(200);
    }

    @Test
    void aDecisionWithoutABodyNamesTheBody() {
        String id = submitted(eligible());
        assign(REGULATOR, id);
        as(REGULATOR).header("If-Match", applicationEtag(id)).post(APPLICATIONS + id + "/refusal").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("body"));
    }

    @Test
    void theScopeIsCheckedAgainstTheVocabularies() {
        Practitioner p = eligible();
        as(AGENT).body(Map.of("practitionerId", p.id(), "scope",
                        Map.of("domains", List.of("MENTAL_HEALTH", "ASTROLOGY"), "appellations", List.of())))
                .post("/api/v1/applications").then().statusCode(400)
                .body("errors.field", hasItem("scope.appellations"));
        as(AGENT).body(Map.of("practitionerId", p.id(), "scope",
                        Map.of("domains", List.of("ASTROLOGY"), "appellations", List.of("PAIR_AIDANT"))))
                .post("/api/v1/applications").then().statusCode(400)
                .body("errors.field", contains("scope.domains[0]"));
        String id = submitted(p);
        assign(REGULATOR, id);
        post(REGULATOR, APPLICATIONS + id + "/grant", Map.of("reason", "ok",
                "scope", Map.of("domains", List.of("MENTAL_HEALTH"), "appellations", List.of("WIZARD"))),
                applicationEtag(id)).statusCode(400).body("errors.field", contains("scope.appellations[0]"));
    }

    @Test
    void everyDecisionNeedsAReason() {
        String id = submitted(eligible());
        assign(REGULATOR, id);
        post(REGULATOR, APPLICATIONS + id + "/refusal", Map.of("reason", " "), applicationEtag(id))
                .statusCode(400).body("errors.field", contains("reason"));
        post(REGULATOR, APPLICATIONS + id + "/grant", Map.of("scope", SCOPE), applicationEtag(id))
                .statusCode(400).body("errors.field", contains("reason"));
    }

    @Test
    void onlyTheReviewingRegulatorDecidesAndOnlyOnceTaken() {
        String id = submitted(eligible());
        grant(REGULATOR, id).statusCode(409).body("type", endsWith("invalid-transition"));
        assign(REGULATOR, id);
        grant(OTHER_REGULATOR, id).statusCode(403).contentType("application/problem+json");
        // A colleague may take the case over; the audit trail shows it.
        assign(OTHER_REGULATOR, id);
        refuse(OTHER_REGULATOR, id).statusCode(200).body("state", equalTo("REFUSED"));
        refuse(OTHER_REGULATOR, id).statusCode(409);
    }

    @Test
    void aRefusalIsAppealedOnceAndADifferentRegulatorUpholdsIt() {
        Practitioner p = eligible();
        String id = submitted(p);
        assign(REGULATOR, id);
        refuse(REGULATOR, id).statusCode(200);
        post(p.token(), APPLICATIONS + id + "/appeal", reason("Supervision log attached"), applicationEtag(id))
                .statusCode(200).body("state", equalTo("APPEALED"));
        Map<String, Object> upheld = Map.of("outcome", "UPHELD", "reason", "Evidence provided", "scope", SCOPE);
        post(REGULATOR, APPLICATIONS + id + "/appeal-decision", upheld, applicationEtag(id))
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("the regulator who refused the application may not decide its appeal"));
        String number = post(OTHER_REGULATOR, APPLICATIONS + id + "/appeal-decision", upheld, applicationEtag(id))
                .statusCode(200).body("state", equalTo("GRANTED"))
                .body("decisions.action", contains("SUBMITTED", "ASSIGNED", "REFUSED", "APPEALED", "APPEAL_UPHELD"))
                .extract().path("labelNumber");
        as(REGULATOR).get("/api/v1/labels/" + number).then().statusCode(200).body("state", equalTo("ACTIVE"));
        post(p.token(), APPLICATIONS + id + "/appeal", reason("again"), applicationEtag(id)).statusCode(409);
    }

    @Test
    void aDismissedAppealIsFinal() {
        Practitioner p = eligible();
        String id = submitted(p);
        assign(REGULATOR, id);
        refuse(REGULATOR, id).statusCode(200);
        post(AGENT, APPLICATIONS + id + "/appeal", reason("On behalf of the practitioner"), applicationEtag(id))
                .statusCode(200);
        post(OTHER_REGULATOR, APPLICATIONS + id + "/appeal-decision",
                Map.of("outcome", "UPHELD", "reason", "no scope given"), applicationEtag(id))
                .statusCode(400).body("errors.field", contains("scope"));
        post(OTHER_REGULATOR, APPLICATIONS + id + "/appeal-decision",
                Map.of("outcome", "MAYBE", "reason", "x"), applicationEtag(id))
                .statusCode(400).body("errors.field", contains("outcome"));
        post(OTHER_REGULATOR, APPLICATIONS + id + "/appeal-decision",
                Map.of("outcome", "DISMISSED", "reason", "Evidence still missing"), applicationEtag(id))
                .statusCode(200).body("state", equalTo("APPEAL_DISMISSED")).body("labelNumber", nullValue());
        post(p.token(), APPLICATIONS + id + "/appeal", reason("again"), applicationEtag(id))
                .statusCode(409).body("type", endsWith("invalid-transition"));
        post(OTHER_REGULATOR, APPLICATIONS + id + "/appeal-decision",
                Map.of("outcome", "DISMISSED", "reason", "again"), applicationEtag(id)).statusCode(409);
        // Refused for good, the practitioner may apply again later.
        apply(p.token(), null).statusCode(201);
    }

    @Test
    void aStaleIfMatchIs412AndAMissingOneIs428() {
        String id = submitted(eligible());
        String read = applicationEtag(id);
        post(REGULATOR, APPLICATIONS + id + "/assignment", null, null).statusCode(428)
                .body("errors.field", contains("If-Match"));
        post(REGULATOR, APPLICATIONS + id + "/assignment", null, read).statusCode(200);
        // A second regulator who read the same version is refused: two cannot decide the same case.
        post(OTHER_REGULATOR, APPLICATIONS + id + "/assignment", null, read).statusCode(412)
                .contentType("application/problem+json").body("type", endsWith("precondition-failed"));
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOneApplication() {
        Practitioner p = eligible();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("practitionerId", p.id(), "scope", SCOPE);
        String first = as(AGENT).header("Idempotency-Key", key).body(body).post("/api/v1/applications").then()
                .statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue()).extract().path("id");
        String second = as(AGENT).header("Idempotency-Key", key).body(body).post("/api/v1/applications").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);
        as(REGULATOR).queryParam("practitionerId", p.id()).get("/api/v1/applications").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aRetriedDecisionWithTheSameIdempotencyKeyIsAppliedOnce() {
        String id = submitted(eligible());
        String key = UUID.randomUUID().toString();
        String read = applicationEtag(id);
        as(REGULATOR).header("If-Match", read).header("Idempotency-Key", key)
                .post(APPLICATIONS + id + "/assignment").then().statusCode(200);
        // The retry carries the ETag the client had: no 412, the first result again.
        as(REGULATOR).header("If-Match", read).header("Idempotency-Key", key)
                .post(APPLICATIONS + id + "/assignment").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("decisions.action", contains("SUBMITTED", "ASSIGNED"));
    }

    @Test
    void listsFilterByStateAndValidateParameters() {
        String id = submitted(eligible());
        as(REGULATOR).queryParam("state", "SUBMITTED").queryParam("size", 100).get("/api/v1/applications").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.state", everyItem(
                        equalTo("SUBMITTED")));
        as(REGULATOR).queryParam("state", "PENDING").get("/api/v1/applications").then().statusCode(400)
                .body("errors.field", contains("state"));
        as(REGULATOR).queryParam("size", "1000").get("/api/v1/applications").then().statusCode(400)
                .body("errors.field", contains("size"));
        as(REGULATOR).queryParam("state", "SUBMITTED", "GRANTED").get("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("state"));
        as(REGULATOR).get(APPLICATIONS + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
