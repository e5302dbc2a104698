package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.as;
import static fr.pairaidance.labelling.Fixtures.decide;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.labelEtag;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static fr.pairaidance.labelling.Fixtures.post;
import static fr.pairaidance.labelling.Fixtures.reason;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The regulator's decisions on a label: every allowed transition and the forbidden ones. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class LabelLifecycleTest {

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    @Test
    void suspendReinstateAndRevokeButNoRenewalBeforeTheWindowNorSuspensionPastTheExpiry() {
        String number = labelOf(eligible());
        String expiry = as(REGULATOR).get("/api/v1/labels/" + number).then().extract().path("expiresOn");
        String until = today().plusDays(30).toString();
        decide(number, "suspension", Map.of("reason", "Complaint under investigation", "until", until))
                .statusCode(200).body("state", equalTo("SUSPENDED")).body("suspendedUntil", equalTo(until))
                .body("stateReason", equalTo("Complaint under investigation"));
        decide(number, "reinstatement", reason("Complaint dismissed")).statusCode(200)
                .body("state", equalTo("ACTIVE")).body("suspendedUntil", nullValue()).body("stateReason", nullValue());
        decide(number, "suspension", Map.of("reason", "Investigation", "until",
                LocalDate.parse(expiry).plusDays(1).toString())).statusCode(400)
                .body("errors.field", contains("until"));
        decide(number, "renewal", reason("Supervision continued")).statusCode(409)
                .body("type", endsWith("renewal-not-due"))
                .body("detail", containsString(LocalDate.parse(expiry).minusDays(90).toString()));
        decide(number, "revocation", reason("Serious breach of the code of conduct")).statusCode(200)
                .body("state", equalTo("REVOKED")).body("stateReason", equalTo("Serious breach of the code of conduct"));
    }

    @Test
    void aSuspendedLabelMayBeRevokedButNotSuspendedOrRenewed() {
        String number = labelOf(eligible());
        decide(number, "suspension", reason("Investigation")).statusCode(200).body("suspendedUntil", nullValue());
        decide(number, "suspension", reason("again")).statusCode(409).body("type", endsWith("invalid-transition"));
        decide(number, "renewal", reason("renew")).statusCode(409);
        decide(number, "revocation", reason("Confirmed breach")).statusCode(200).body("state", equalTo("REVOKED"));
    }

    @Test
    void aRevokedLabelIsFinal() {
        String number = labelOf(eligible());
        decide(number, "revocation", reason("Fraud")).statusCode(200);
        decide(number, "reinstatement", reason("Mistake")).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("invalid-transition"))
                .body("detail", equalTo("a REVOKED label cannot be reinstated"));
        decide(number, "suspension", reason("x")).statusCode(409);
        decide(number, "renewal", reason("x")).statusCode(409);
        decide(number, "revocation", reason("x")).statusCode(409);
    }

    @Test
    void anActiveLabelCannotBeReinstated() {
        String number = labelOf(eligible());
        decide(number, "reinstatement", reason("x")).statusCode(409);
    }

    @Test
    void aSuspensionEndMustBeAfterToday() {
        String number = labelOf(eligible());
        decide(number, "suspension", Map.of("reason", "x", "until", today().toString())).statusCode(400)
                .body("errors.field", contains("until"));
        decide(number, "suspension", Map.of("reason", "x", "until", "next week")).statusCode(400)
                .body("errors.field", contains("until"));
        decide(number, "suspension", Map.of("until", today().plusDays(3).toString())).statusCode(400)
                .body("errors.field", contains("reason"));
    }

    @Test
    void aStaleIfMatchOnALabelIs412() {
        String number = labelOf(eligible());
        String read = labelEtag(number);
        post(REGULATOR, "/api/v1/labels/" + number + "/suspension", reason("first"), read).statusCode(200);
        post(REGULATOR, "/api/v1/labels/" + number + "/revocation", reason("second"), read).statusCode(412)
                .body("type", endsWith("precondition-failed"));
        post(REGULATOR, "/api/v1/labels/" + number + "/revocation", reason("second"), null).statusCode(428);
    }

    @Test
    void aRetriedSuspensionWithTheSameIdempotencyKeyIsAppliedOnce() {
        String number = labelOf(eligible());
        String read = labelEtag(number);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(REGULATOR).header("If-Match", read).header("Idempotency-Key", key).body(reason("Investigation"))
                    .post("/api/v1/labels/" + number + "/suspension").then().statusCode(200)
                    .body("state", equalTo("SUSPENDED"));
        }
        as(REGULATOR).get("/api/v1/labels/" + number + "/history").then().statusCode(200)
                .body("action", contains("GRANTED", "SUSPENDED"));
    }

    @Test
    void theHistoryRecordsWhoWhenWhatWhyAndTheStates() {
        String number = labelOf(eligible());
        decide(number, "suspension", reason("Investigation")).statusCode(200);
        decide(number, "reinstatement", reason("Cleared")).statusCode(200);
        as(REGULATOR).get("/api/v1/labels/" + number + "/history").then().statusCode(200)
                .body("action", contains("GRANTED", "SUSPENDED", "REINSTATED"))
                .body("bySubject", contains("regulator-a", "regulator-a", "regulator-a"))
                .body("byName", contains("regulator-a", "regulator-a", "regulator-a"))
                .body("reason", contains("Common core and supervised practice verified", "Investigation", "Cleared"))
                .body("previousState", contains(null, "ACTIVE", "SUSPENDED"))
                .body("newState", contains("ACTIVE", "SUSPENDED", "ACTIVE"))
                .body("[0].at", notNullValue())
                .body("[0].effectiveOn", equalTo(today().toString()));
        as(REGULATOR).get("/api/v1/labels/LBL-2020-999999/history").then().statusCode(404);
    }

    @Test
    void listsOfLabelsFilterByPractitionerAndState() {
        Fixtures.Practitioner p = eligible();
        String number = labelOf(p);
        as(REGULATOR).queryParam("practitionerId", p.id()).get("/api/v1/labels").then().statusCode(200)
                .body("items.number", contains(number)).body("total", equalTo(1));
        as(REGULATOR).queryParam("practitionerId", p.id()).queryParam("state", "REVOKED").get("/api/v1/labels")
                .then().statusCode(200).body("total", equalTo(0));
        as(REGULATOR).queryParam("state", "LOST").get("/api/v1/labels").then().statusCode(400)
                .body("errors.field", contains("state"));
        as(REGULATOR).queryParam("practitionerId", "not-a-uuid").get("/api/v1/labels").then().statusCode(400);
    }
}
