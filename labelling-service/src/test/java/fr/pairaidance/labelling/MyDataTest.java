package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.decide;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static fr.pairaidance.labelling.Fixtures.reason;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import fr.pairaidance.labelling.Fixtures.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The practitioner's own data in this service (GDPR access), and only theirs. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class MyDataTest {

    @Test
    void aPractitionerReadsEverythingHeldAboutThemAndNothingOfOthers() {
        Practitioner holder = eligible();
        String number = labelOf(holder);
        decide(number, "suspension", reason("Complaint under investigation")).statusCode(200);
        given().header("Authorization", holder.token()).get("/api/v1/my-data").then().statusCode(200)
                .body("known.registryNumber", equalTo(holder.registryNumber()))
                .body("known.publicName", equalTo("Camille D."))
                .body("applications", hasSize(1))
                .body("applications[0].decisions.action", contains("SUBMITTED", "ASSIGNED", "GRANTED"))
                .body("labels[0].label.number", equalTo(number))
                .body("labels[0].history.action", contains("GRANTED", "SUSPENDED"))
                .body("labels[0].history[1].reason", equalTo("Complaint under investigation"))
                .body("labels[0].credentials", hasSize(1))
                .body("labels[0].credentials[0].suspended", equalTo(true));

        given().header("Authorization", eligible().token()).get("/api/v1/my-data").then().statusCode(200)
                .body("labels", empty()).body("applications", empty());
        given().header("Authorization", Fixtures.newPractitioner().token()).get("/api/v1/my-data").then()
                .statusCode(200).body("known", nullValue()).body("labels", empty());
        given().header("Authorization", REGULATOR).get("/api/v1/my-data").then().statusCode(403);
        given().get("/api/v1/my-data").then().statusCode(401);
    }
}
