package fr.pairaidance.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The practitioner's space at the register: what each consent line publishes, giving and revoking in one
 * click, the history of versions, and withdrawal after a confirmation; roles and CSRF.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PagesTest {

    private static RequestSpecification browser(String token) {
        return given().accept("text/html").redirects().follow(false).header("Authorization", token);
    }

    private static Response post(String token, String path, Map<String, String> fields) {
        String csrf = browser(token).get("/me").cookie("csrf_registry");
        return browser(token).contentType("application/x-www-form-urlencoded").cookie("csrf_registry", csrf)
                .formParam("csrf-token", csrf).formParams(fields).post(path);
    }

    @Test
    void theSpaceIsThePractitionersOwn() {
        given().accept("text/html").redirects().follow(false).get("/me").then().statusCode(303)
                .header("Location", endsWith("/sign-in?return=%2Fme"));
        browser(Fixtures.AGENT).get("/me").then().statusCode(403).contentType(startsWith("text/html"));
        browser(Tokens.bearer("nobody-" + UUID.randomUUID(), "practitioner")).get("/me").then().statusCode(200)
                .body(containsString("Aucune fiche du registre"));
    }

    @Test
    void consentsSayWhatEachFieldPublishesStartFromNothingAndAreRevokedInOneClick() {
        String subject = "space-" + UUID.randomUUID();
        String me = Tokens.practitioner(subject, Fixtures.emailOf(subject));
        String id = Fixtures.selfRegistered(subject);
        browser(me).get("/me/consents").then().statusCode(200)
                .body(containsString("Rien n&#39;est montré"), containsString("informations sur votre santé"),
                        not(containsString("name=\"domains\" checked")));
        // Without the CSRF token the form is refused.
        browser(me).contentType("application/x-www-form-urlencoded").formParam("listed", "on")
                .post("/me/consents").then().statusCode(400);
        post(me, "/me/consents", Map.of("listed", "on", "domains", "on", "contact", "on")).then().statusCode(303)
                .header("Location", endsWith("/me/consents?saved=1"));
        given().header("Authorization", me).get("/api/v1/practitioners/" + id + "/consents").then()
                .body("listed", equalTo(true)).body("domains", equalTo(true)).body("formats", equalTo(false))
                .body("contact", equalTo(true)).body("version", equalTo(1));
        browser(me).get("/me/consents").then().body(containsString("name=\"domains\" checked"),
                containsString("<td>1</td>"), not(containsString("name=\"formats\" checked")));
        post(me, "/me/consents/revocation", Map.of()).then().statusCode(303);
        given().header("Authorization", me).get("/api/v1/practitioners/" + id + "/consents").then()
                .body("listed", equalTo(false)).body("domains", equalTo(false)).body("contact", equalTo(false))
                .body("version", equalTo(2));
    }

    @Test
    void withdrawalSaysWhatIsErasedAndKeptAndNeedsAConfirmation() {
        String subject = "leaving-" + UUID.randomUUID();
        String me = Tokens.practitioner(subject, Fixtures.emailOf(subject));
        String id = Fixtures.selfRegistered(subject);
        String number = given().header("Authorization", me).get("/api/v1/practitioners/me").then().extract()
                .path("registryNumber");
        browser(me).get("/me/withdrawal").then().statusCode(200).body(containsString(number),
                containsString("Ce qui sera effacé"));
        post(me, "/me/withdrawal", Map.of()).then().statusCode(400).body(containsString("id=\"confirm-error\""));
        given().header("Authorization", Fixtures.AGENT).get("/api/v1/practitioners/" + id).then()
                .body("status", equalTo("ACTIVE"));
        post(me, "/me/withdrawal", Map.of("confirm", "yes")).then().statusCode(303)
                .header("Location", endsWith("/me?withdrawn=1"));
        given().header("Authorization", Fixtures.AGENT).get("/api/v1/practitioners/" + id).then()
                .body("status", equalTo("WITHDRAWN"));
    }
}
