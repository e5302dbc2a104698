package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static fr.pairaidance.registry.Fixtures.EMPLOYER;
import static fr.pairaidance.registry.Fixtures.consent;
import static fr.pairaidance.registry.Fixtures.emailOf;
import static fr.pairaidance.registry.Fixtures.selfRegistered;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "My data": the register's part through its API, and the page's file gathering every service's part
 * (here the sister services are not running: the file says their parts are not included).
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class MyDataTest {

    @Test
    void aPractitionerGetsTheirRecordConsentsAndTrainingAndNothingOfOthers() {
        String subject = "my-data-" + UUID.randomUUID();
        String id = selfRegistered(subject);
        String token = Tokens.practitioner(subject, emailOf(subject));
        given().header("Authorization", token).contentType(ContentType.JSON).body(consent(true))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/my-data").then().statusCode(200)
                .body("record.id", equalTo(id)).body("record.email", equalTo(emailOf(subject)))
                .body("consents.version", contains(1)).body("consents[0].listed", equalTo(true))
                .body("training.coreComplete", equalTo(false))
                .body("mailSettings.language", equalTo("fr"));

        String stranger = Tokens.practitioner("my-data-" + UUID.randomUUID(), "someone@example.org");
        given().header("Authorization", stranger).get("/api/v1/my-data").then().statusCode(200)
                .body("record", nullValue());
        given().header("Authorization", AGENT).get("/api/v1/my-data").then().statusCode(403);
        given().get("/api/v1/my-data").then().statusCode(401);
    }

    @Test
    void thePageGathersEveryPartIntoOneFileAndNamesThePartsThatDidNotAnswer() {
        String subject = "my-data-" + UUID.randomUUID();
        String id = selfRegistered(subject);
        String token = Tokens.practitioner(subject, emailOf(subject));
        given().header("Authorization", token).accept("text/html").get("/me/data").then().statusCode(200)
                .body(containsString("href=\"/me/data/file\""), containsString("Mes données"));
        given().header("Authorization", token).get("/me/data/file").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Disposition", containsString("attachment"))
                .header("Cache-Control", equalTo("no-store"))
                .body("parts", hasSize(3))
                .body("parts.service", contains("registry", "labelling", "orientation"))
                .body("parts[0].data.record.id", equalTo(id))
                .body("parts[0].explanation", containsString("registre"))
                .body("parts[1].notIncluded", containsString("n'a pas répondu"))
                .body("parts[1].source", equalTo("http://localhost:8082/api/v1/my-data"))
                .body("parts[2].notIncluded", containsString("n'a pas répondu"));
        given().header("Authorization", token).header("Accept-Language", "en").get("/me/data/file").then()
                .statusCode(200).body("title", equalTo("My data in the national peer-helper register"));
        given().header("Authorization", EMPLOYER).accept("text/html").get("/me/data").then().statusCode(403);
        given().header("Authorization", EMPLOYER).get("/me/data/file").then().statusCode(403);
    }
}
