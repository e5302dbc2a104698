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
        String csrf = browser(token).get(token.equals(Fixtures.AGENT) ? "/desk" : "/me").cookie("csrf_registry");
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
                        not(containsString("name=\"domains\" checked")),
                        containsString("<input type=\"checkbox\" name=\"organisation\" aria-describedby=\"organisation-what\">"),
                        containsString("Montrer la structure où j&#39;exerce"),
                        containsString("id=\"organisation-what\">Votre numéro SIRET si vous exercez en libéral"));
        browser(me).cookie("pairaidance_lang", "en").get("/me/consents").then().statusCode(200)
                .body(containsString("Show the organisation I practise in"),
                        containsString("id=\"organisation-what\">Your SIRET number if you are self-employed"));
        // Without the CSRF token the form is refused.
        browser(me).contentType("application/x-www-form-urlencoded").formParam("listed", "on")
                .post("/me/consents").then().statusCode(400);
        post(me, "/me/consents", Map.of("listed", "on", "domains", "on", "contact", "on", "organisation", "on"))
                .then().statusCode(303).header("Location", endsWith("/me/consents?saved=1"));
        given().header("Authorization", me).get("/api/v1/practitioners/" + id + "/consents").then()
                .body("listed", equalTo(true)).body("domains", equalTo(true)).body("formats", equalTo(false))
                .body("contact", equalTo(true)).body("organisation", equalTo(true)).body("version", equalTo(1));
        browser(me).get("/me/consents").then().body(containsString("name=\"domains\" checked"),
                containsString("name=\"organisation\" checked"), containsString("<td>1</td>"),
                not(containsString("name=\"formats\" checked")));
        post(me, "/me/consents/revocation", Map.of()).then().statusCode(303);
        given().header("Authorization", me).get("/api/v1/practitioners/" + id + "/consents").then()
                .body("listed", equalTo(false)).body("domains", equalTo(false)).body("contact", equalTo(false))
                .body("organisation", equalTo(false)).body("version", equalTo(2));
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

    @Test
    void theAgentsDeskSearchesAndOpensRecordsAndIsRefusedToOthers() {
        String id = Fixtures.registered();
        String number = given().header("Authorization", Fixtures.AGENT).get("/api/v1/practitioners/" + id).then()
                .extract().path("registryNumber");
        browser(Fixtures.AGENT).get("/desk?name=" + number).then().statusCode(200)
                .body(containsString("/desk/practitioners/" + id));
        browser(Fixtures.AGENT).get("/desk/practitioners/" + id).then().statusCode(200).body(containsString(number));
        browser(Tokens.bearer("someone", "practitioner")).get("/desk").then().statusCode(403);
        browser(Fixtures.EMPLOYER).get("/desk/imports").then().statusCode(403);
        browser(Fixtures.AGENT).get("/desk?department=999").then().statusCode(200)
                .body(containsString("id=\"department-error\""));
    }

    @Test
    void anAgentImportsASemicolonFileFromTheBrowserAndDownloadsItsRejectedRowsToFixThem() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String header = "given_name;family_name;birth_date;email;phone;commune_code;domains;appellations;modes;siret;"
                + "employer_name;formats;languages;remote\n";
        String good = "Jean;Martin;1980-01-01;page-a-" + tag + "@example.org;+33601020304;69123;MENTAL_HEALTH;PAIR_AIDANT;"
                + "SELF_EMPLOYED;" + Fixtures.SIRET + ";;ONE_TO_ONE;fr;oui\n";
        String bad = good.replace("page-a-", "page-b-").replace("69123", "99999");
        byte[] file = (header + good + bad).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String csrf = browser(Fixtures.AGENT).get("/desk/imports").then().statusCode(200)
                .body(containsString("/desk/imports/template.xlsx")).extract().cookie("csrf_registry");
        // Without the CSRF token the upload is refused.
        browser(Fixtures.AGENT).multiPart("file", "agence.csv", file, "text/csv").post("/desk/imports").then()
                .statusCode(400);
        String location = browser(Fixtures.AGENT).cookie("csrf_registry", csrf).multiPart("csrf-token", csrf)
                .multiPart("separator", "auto").multiPart("charset", "UTF-8")
                .multiPart("file", "agence.csv", file, "text/csv").post("/desk/imports").then().statusCode(303)
                .extract().header("Location");
        String jobPath = java.net.URI.create(location).getPath();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().header("Authorization", Fixtures.AGENT).get(jobPath + "/progress").then().extract()
                        .path("status")));
        browser(Fixtures.AGENT).get(jobPath).then().statusCode(200)
                .body(containsString("1 inscrit(s), 1 ligne(s) refusée(s)"), containsString("commune_code"),
                        containsString("Code de commune INSEE inconnu"),
                        containsString(jobPath + "/rejected.csv"));
        String rejected = given().header("Authorization", Fixtures.AGENT).get(jobPath + "/rejected.csv").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(rejected.startsWith("given_name,family_name"), rejected);
        org.junit.jupiter.api.Assertions.assertTrue(rejected.contains("page-b-" + tag) && !rejected.contains("page-a-" + tag),
                rejected);
        String xlsx = given().header("Authorization", Fixtures.AGENT).get("/desk/imports/template.xlsx").then()
                .statusCode(200).extract().contentType();
        org.junit.jupiter.api.Assertions.assertTrue(xlsx.startsWith("application/vnd.openxmlformats"), xlsx);
    }

    /** The fields of a complete record as the form posts them. */
    private static Map<String, String> recordFields(String email, String commune) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("givenName", "Sacha");
        fields.put("familyName", "Leroy");
        fields.put("birthDate", "1983-09-30");
        fields.put("email", email);
        fields.put("phone", "+33611223344");
        fields.put("commune", commune);
        fields.put("domains", "BEREAVEMENT");
        fields.put("appellations", "PAIR_AIDANT");
        fields.put("modes", "SELF_EMPLOYED");
        fields.put("siret", Fixtures.SIRET);
        fields.put("formats", "PEER_GROUP");
        fields.put("languages", "fr");
        return fields;
    }

    @Test
    void aPractitionerRegistersThemselvesWithACommuneTypedByNameAndCorrectsTheirRecord() {
        String subject = "self-" + UUID.randomUUID();
        String me = Tokens.practitioner(subject, Fixtures.emailOf(subject));
        browser(me).get("/me").then().body(containsString("/me/register"));
        browser(me).get("/me/register").then().statusCode(200).body(containsString(Fixtures.emailOf(subject)));
        Map<String, String> fields = recordFields(Fixtures.emailOf(subject), "Rennes (35000)");
        fields.put("birthDate", "30/09/1983");
        post(me, "/me/register", fields).then().statusCode(400)
                .body(containsString("id=\"birthDate-error\""), containsString("value=\"30/09/1983\""),
                        containsString("value=\"Rennes (35000)\""));
        fields.put("birthDate", "1983-09-30");
        post(me, "/me/register", fields).then().statusCode(303).header("Location", endsWith("/me?registered=1"));
        String id = given().header("Authorization", me).get("/api/v1/practitioners/me").then().statusCode(200)
                .body("commune.code", equalTo("35238")).extract().path("id");
        // Corrected on the page made from version v, while the agency corrected it meanwhile.
        String version = given().header("Authorization", me).get("/api/v1/practitioners/" + id).then().extract()
                .header("ETag");
        Map<String, Object> byAgency = Fixtures.practitioner(Fixtures.emailOf(subject));
        byAgency.put("communeCode", "35238");
        given().header("Authorization", Fixtures.AGENT).header("If-Match", version)
                .contentType(io.restassured.http.ContentType.JSON).body(byAgency)
                .put("/api/v1/practitioners/" + id).then().statusCode(200);
        Map<String, String> typed = recordFields(Fixtures.emailOf(subject), "35238");
        typed.put("givenName", "Sasha");
        typed.put("version", version.replace("\"", ""));
        post(me, "/me/record", typed).then().statusCode(409)
                .body(containsString("modifiée entre-temps"), containsString("<dd>Camille</dd>"),
                        containsString("value=\"Sasha\""));
        given().header("Authorization", me).get("/api/v1/practitioners/me").then().body("givenName", equalTo("Camille"));
    }

    @Test
    void anAgentRegistersOneAndAWrongSiretIsNamedNextToItsFieldWithNothingTypedLost() {
        String email = Fixtures.uniqueEmail();
        Map<String, String> fields = recordFields(email, "69123");
        fields.put("siret", "12345678901234");
        post(Fixtures.AGENT, "/desk/practitioners/new", fields).then().statusCode(400)
                .body(containsString("id=\"siret-error\""), containsString("href=\"#siret\""),
                        containsString("value=\"" + email + "\""), containsString("value=\"12345678901234\""));
        fields.put("siret", Fixtures.SIRET);
        String location = post(Fixtures.AGENT, "/desk/practitioners/new", fields).then().statusCode(303)
                .extract().header("Location");
        browser(Fixtures.AGENT).get(java.net.URI.create(location).getPath()).then().statusCode(200)
                .body(containsString(email), containsString("/edit"));
    }

    @Test
    void anAgentRecordsTrainingAndAVaeOnTheRecordAndThePractitionerSeesWhatIsLeft() {
        String subject = "trained-" + UUID.randomUUID();
        String me = Tokens.practitioner(subject, Fixtures.emailOf(subject));
        String id = Fixtures.selfRegistered(subject);
        browser(me).get("/me/training").then().statusCode(200).body(containsString("5 module(s)"));
        Map<String, String> completion = new java.util.LinkedHashMap<>(Map.of("module", "CORE-1A",
                "completedOn", "2026-03-02", "bodyName", "Institut pair-aidance", "bodySiret", "12345678901234",
                "evidence", "ATT-1", "delivery", "REMOTE"));
        post(Fixtures.AGENT, "/desk/practitioners/" + id + "/completions", completion).then().statusCode(400)
                .body(containsString("id=\"bodySiret-error\""), containsString("value=\"ATT-1\""));
        completion.put("bodySiret", Fixtures.SIRET);
        post(Fixtures.AGENT, "/desk/practitioners/" + id + "/completions", completion).then().statusCode(303);
        post(Fixtures.AGENT, "/desk/practitioners/" + id + "/vae", Map.of("decidedOn", "2026-02-02",
                "vaeEvidence", "VAE-1")).then().statusCode(400).body(containsString("id=\"vaeModules-error\""));
        String csrf = browser(Fixtures.AGENT).get("/desk").cookie("csrf_registry");
        browser(Fixtures.AGENT).contentType("application/x-www-form-urlencoded").cookie("csrf_registry", csrf)
                .formParam("csrf-token", csrf).formParam("vaeModules", "CORE-1B", "CORE-2A")
                .formParam("decidedOn", "2026-02-02").formParam("vaeEvidence", "VAE-1")
                .post("/desk/practitioners/" + id + "/vae").then().statusCode(303);
        given().header("Authorization", Fixtures.AGENT).get("/api/v1/practitioners/" + id + "/training").then()
                .body("missingCoreModules", org.hamcrest.Matchers.contains("CORE-2B", "CORE-2C"));
        browser(me).get("/me/training").then().body(containsString("2 module(s)"), containsString("VAE-1"));
    }
}
