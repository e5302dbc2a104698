package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.OTHER_REGULATOR;
import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * labelling-service's pages: the public verification (and its receipt), the holder's certificate, and the
 * regulator's desk with the same rules and audit trail as the API. Journeys in a real browser are in the
 * system tests (deploy/local-system, BrowserTest).
 */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class PagesTest {

    private static RequestSpecification browser(String token) {
        RequestSpecification spec = given().accept("text/html").redirects().follow(false);
        return token == null ? spec : spec.header("Authorization", token);
    }

    /** Posts a desk form as the page does: with the CSRF cookie and its token field. */
    private static Response submit(String token, String path, Map<String, Object> fields) {
        String csrf = browser(token).get("/desk").cookie("csrf_labelling");
        return browser(token).contentType("application/x-www-form-urlencoded").cookie("csrf_labelling", csrf)
                .formParam("csrf-token", csrf).formParams(fields).post(path);
    }

    @Test
    void anyoneVerifiesANumberInWordsAndGetsAPlainMessageForAWrongOne() {
        String number = Fixtures.labelOf(Fixtures.eligible());
        browser(null).get("/verify?number=" + number.toLowerCase()).then().statusCode(303)
                .header("Location", endsWith("/verify/" + number));
        browser(null).get("/verify/" + number).then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("Label valide"), containsString("Camille D."), containsString("state-ok"),
                        containsString("/verify/" + number + "/receipt"));
        browser(null).get("/verify/LBL-2026-999999").then().statusCode(404)
                .body(containsString("id=\"number-error\""), containsString("LBL-2026-999999"));
        browser(null).get("/verify/nonsense").then().statusCode(400).body(containsString("id=\"number-error\""));
        browser(null).get("/verify/" + number + "?asOf=hier").then().statusCode(400)
                .body(containsString("id=\"asOf-error\""));
        String receipt = given().get("/verify/" + number + "/receipt").then().statusCode(200)
                .contentType(startsWith("application/jose")).extract().asString();
        assertEquals(3, receipt.split("\\.").length, "a compact JWS");
    }

    @Test
    void theHolderPrintsACertificateWhoseQrCodeLeadsToTheVerificationPage() throws Exception {
        Fixtures.Practitioner holder = Fixtures.eligible();
        String number = Fixtures.labelOf(holder);
        browser(holder.token()).get("/my/labels").then().statusCode(200)
                .body(containsString(number), containsString("/my/labels/" + number + "/certificate.pdf"));
        byte[] pdf = given().header("Authorization", holder.token()).get("/my/labels/" + number + "/certificate.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(number) && text.contains("Camille D.") && text.contains("Pair-aidant"), text);
            assertTrue(!text.contains("Santé mentale"), "domains only with the holder's consent to publish them");
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image)))).getText();
            assertTrue(decoded.endsWith("/verify/" + number), decoded);
        }
        given().header("Authorization", Fixtures.eligible().token()).get("/my/labels/" + number + "/certificate.pdf")
                .then().statusCode(404);
    }

    @Test
    void theHolderDownloadsTheCredentialAndAnyoneChecksItOnThePublicPage() {
        Fixtures.Practitioner holder = Fixtures.eligible();
        String number = Fixtures.labelOf(holder);
        browser(holder.token()).get("/my/labels").then().statusCode(200)
                .body(containsString("/my/labels/" + number + "/credential.jwt"),
                        containsString("/my/labels/" + number + "/credential.json"));
        String jwt = given().header("Authorization", holder.token()).get("/my/labels/" + number + "/credential.jwt")
                .then().statusCode(200).contentType("application/vc+jwt")
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        given().header("Authorization", holder.token()).get("/my/labels/" + number + "/credential.json").then()
                .statusCode(200).contentType("application/json").body(containsString("OpenBadgeCredential"));
        given().header("Authorization", Fixtures.eligible().token()).get("/my/labels/" + number + "/credential.jwt")
                .then().statusCode(404);

        String client = "10.77." + (number.hashCode() & 0xff) + ".1";
        String csrf = browser(null).header("X-Forwarded-For", client).get("/verify").then().statusCode(200)
                .body(containsString("action=\"/verify/credential\"")).extract().cookie("csrf_labelling");
        java.util.function.Function<String, RequestSpecification> form = text -> {
            RequestSpecification spec = browser(null).header("X-Forwarded-For", client).cookie("csrf_labelling", csrf)
                    .multiPart("csrf-token", csrf);
            return text == null ? spec : spec.multiPart("credential", text);
        };
        form.apply(jwt).post("/verify/credential").then().statusCode(200)
                .body(containsString("Ce justificatif est authentique"), containsString("Camille D."));
        form.apply(null).multiPart("file", number + ".jwt", jwt.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/octet-stream").post("/verify/credential").then().statusCode(200)
                .body(containsString("Ce justificatif est authentique"));
        String[] parts = jwt.split("\\.");
        form.apply(parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse()).post("/verify/credential")
                .then().statusCode(200).body(containsString("il a été modifié après sa signature"),
                        not(containsString("Ce justificatif est authentique")));
        form.apply("   ").post("/verify/credential").then().statusCode(400)
                .body(containsString("id=\"credential-error\""), containsString("aria-invalid=\"true\""));
        browser(null).header("X-Forwarded-For", client).multiPart("credential", jwt).post("/verify/credential").then()
                .statusCode(400);
    }

    @Test
    void aPractitionerSeesWhatIsMissingAppliesFollowsTheDecisionsAndAppealsARefusal() {
        Fixtures.Practitioner untrained = Fixtures.newPractitioner();
        Fixtures.feed(untrained, Fixtures.REGISTERED, "ACTIVE", false, "Lou N.");
        browser(untrained.token()).get("/my/labels").then().statusCode(200)
                .body(containsString("socle commun de formation n&#39;est pas encore complet"),
                        not(containsString("action=\"/my/labels/applications\"")));

        Fixtures.Practitioner p = Fixtures.eligible();
        String csrf = browser(p.token()).get("/my/labels").then().statusCode(200)
                .body(containsString("action=\"/my/labels/applications\"")).extract().cookie("csrf_labelling");
        browser(p.token()).contentType("application/x-www-form-urlencoded").cookie("csrf_labelling", csrf)
                .formParam("csrf-token", csrf).formParam("appellation", "PAIR_AIDANT").post("/my/labels/applications")
                .then().statusCode(400).body(containsString("id=\"apply-domains-error\""),
                        containsString("value=\"PAIR_AIDANT\" checked"));
        browser(p.token()).contentType("application/x-www-form-urlencoded").cookie("csrf_labelling", csrf)
                .formParam("csrf-token", csrf).formParam("domain", "MENTAL_HEALTH").formParam("appellation", "PAIR_AIDANT")
                .post("/my/labels/applications").then().statusCode(303)
                .header("Location", endsWith("/my/labels?applied=1"));
        String id = given().header("Authorization", p.token()).get("/api/v1/applications/mine").then().statusCode(200)
                .extract().path("[0].id");
        browser(p.token()).get("/my/labels?applied=1").then().statusCode(200)
                .body(containsString("Votre demande est envoyée"), containsString("déposée"),
                        not(containsString("action=\"/my/labels/applications\"")));

        Fixtures.assign(REGULATOR, id);
        Fixtures.refuse(REGULATOR, id).statusCode(200);
        Response page = browser(p.token()).get("/my/labels");
        page.then().statusCode(200).body(containsString("Supervised practice not evidenced"),
                containsString("action=\"/my/labels/applications/" + id + "/appeal\""));
        String version = page.htmlPath().getString("**.find { it.@name == 'version' }.@value");
        browser(p.token()).contentType("application/x-www-form-urlencoded").cookie("csrf_labelling", csrf)
                .formParam("csrf-token", csrf).formParam("version", version).formParam("reason", " ")
                .post("/my/labels/applications/" + id + "/appeal").then().statusCode(400)
                .body(containsString("id=\"appeal-reason-" + id + "-error\""));
        browser(p.token()).contentType("application/x-www-form-urlencoded").cookie("csrf_labelling", csrf)
                .formParam("csrf-token", csrf).formParam("version", version)
                .formParam("reason", "My supervisor's log is attached to my record")
                .post("/my/labels/applications/" + id + "/appeal").then().statusCode(303);
        given().header("Authorization", p.token()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("APPEALED"));
        browser(Fixtures.eligible().token()).contentType("application/x-www-form-urlencoded")
                .cookie("csrf_labelling", csrf).formParam("csrf-token", csrf).formParam("version", version)
                .formParam("reason", "Not mine").post("/my/labels/applications/" + id + "/appeal").then()
                .statusCode(403);
    }

    @Test
    void theDeskIsTheRegulatorsAndCannotBeFramed() {
        browser(null).get("/desk").then().statusCode(303).header("Location", endsWith("/sign-in?return=%2Fdesk"));
        browser(Tokens.bearer("someone", "practitioner")).get("/desk").then().statusCode(403)
                .contentType(startsWith("text/html"));
        browser(Fixtures.AGENT).get("/desk/labels").then().statusCode(403);
        browser(REGULATOR).get("/desk").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("Demandes de label à traiter"));
        browser(REGULATOR).get("/desk/work").then().statusCode(200);
    }

    @Test
    void aRegulatorTakesAndGrantsOnTheDeskAndTheTrailSaysWhoAndWhy() {
        String id = Fixtures.submitted(Fixtures.eligible());
        String page = browser(REGULATOR).get("/desk").then().statusCode(200).extract().asString();
        assertTrue(page.contains("/desk/applications/" + id), "the queue lists the new application");
        // Filtered by the region of practice (the registry's events say 84, Auvergne-Rhône-Alpes).
        browser(REGULATOR).get("/desk?region=84").then().body(containsString("/desk/applications/" + id));
        browser(REGULATOR).get("/desk?region=11").then().body(not(containsString("/desk/applications/" + id)));
        // Without the CSRF token the form is refused.
        browser(REGULATOR).contentType("application/x-www-form-urlencoded").formParam("version", "0")
                .post("/desk/applications/" + id + "/take").then().statusCode(400);
        submit(REGULATOR, "/desk/applications/" + id + "/take", Map.of("version", "0")).then().statusCode(303);
        // A decision without a reason names the field and keeps the scope ticked.
        submit(REGULATOR, "/desk/applications/" + id + "/grant",
                Map.of("version", "1", "domain", "MENTAL_HEALTH", "appellation", "PAIR_AIDANT", "reason", " "))
                .then().statusCode(400).body(containsString("id=\"grant-reason-error\""),
                        containsString("value=\"MENTAL_HEALTH\" checked"));
        submit(REGULATOR, "/desk/applications/" + id + "/grant", Map.of("version", "1", "domain", "MENTAL_HEALTH",
                "appellation", "PAIR_AIDANT", "reason", "Socle commun vérifié")).then().statusCode(303);
        Fixtures.as(REGULATOR).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("GRANTED"));
        browser(REGULATOR).get("/desk/applications/" + id).then().statusCode(200)
                .body(containsString("Socle commun vérifié"), containsString("Label accordé"));
    }

    @Test
    void aStalePageSaysTheApplicationChangedInsteadOfOverwriting() {
        String id = Fixtures.submitted(Fixtures.eligible());
        Fixtures.assign(OTHER_REGULATOR, id);
        // The page was read at version 0; another regulator took it meanwhile (version 1).
        submit(REGULATOR, "/desk/applications/" + id + "/take", Map.of("version", "0")).then().statusCode(412)
                .body(containsString("a changé entre-temps"), containsString("En examen"));
        Fixtures.as(REGULATOR).get("/api/v1/applications/" + id).then()
                .body("assignedTo", org.hamcrest.Matchers.not(org.hamcrest.Matchers.equalTo("regulator-a")));
    }

    @Test
    void theRegulatorWhoRefusedCannotDecideTheAppealAnotherCan() {
        Fixtures.Practitioner p = Fixtures.eligible();
        String id = Fixtures.submitted(p);
        Fixtures.assign(REGULATOR, id);
        Fixtures.refuse(REGULATOR, id).statusCode(200);
        Fixtures.post(p.token(), "/api/v1/applications/" + id + "/appeal", Map.of("reason", "New evidence"),
                Fixtures.applicationEtag(id)).statusCode(200);
        browser(REGULATOR).get("/desk/applications/" + id).then().statusCode(200)
                .body(not(containsString("/appeal-decision")), containsString("Vous avez refusé cette demande"));
        String version = Fixtures.applicationEtag(id).replace("\"", "");
        submit(REGULATOR, "/desk/applications/" + id + "/appeal-decision", Map.of("version", version,
                "outcome", "DISMISSED", "reason", "Rien de nouveau")).then().statusCode(403);
        browser(OTHER_REGULATOR).get("/desk/applications/" + id).then().body(containsString("/appeal-decision"));
        submit(OTHER_REGULATOR, "/desk/applications/" + id + "/appeal-decision", Map.of("version", version,
                "outcome", "UPHELD", "reason", "Preuve de supervision fournie", "domain", "MENTAL_HEALTH",
                "appellation", "PAIR_AIDANT")).then().statusCode(303);
        Fixtures.as(REGULATOR).get("/api/v1/applications/" + id).then()
                .body("state", org.hamcrest.Matchers.equalTo("GRANTED"));
    }

    @Test
    void aSuspensionWithAnEndDateIsInTheLabelsTimelineAsFromTheApi() {
        String number = Fixtures.labelOf(Fixtures.eligible());
        String version = Fixtures.labelEtag(number).replace("\"", "");
        submit(REGULATOR, "/desk/labels/" + number + "/suspension", Map.of("version", version,
                "reason", "Plainte en cours d'examen", "until", "2020-01-01")).then().statusCode(400)
                .body(containsString("id=\"suspend-until-error\""), containsString("Plainte en cours d&#39;examen"));
        String until = java.time.LocalDate.now().plusDays(40).toString();
        submit(REGULATOR, "/desk/labels/" + number + "/suspension", Map.of("version", version,
                "reason", "Plainte en cours d'examen", "until", until)).then().statusCode(303);
        Fixtures.as(REGULATOR).get("/api/v1/labels/" + number).then()
                .body("state", org.hamcrest.Matchers.equalTo("SUSPENDED"))
                .body("suspendedUntil", org.hamcrest.Matchers.equalTo(until));
        List<String> reasons = Fixtures.as(REGULATOR).get("/api/v1/labels/" + number + "/history").then()
                .extract().path("reason");
        assertTrue(reasons.contains("Plainte en cours d'examen"), reasons.toString());
        browser(REGULATOR).get("/desk/labels/" + number).then()
                .body(containsString("Suspension"), containsString("/reinstatement"), not(containsString("/suspension\"")));
        submit(REGULATOR, "/desk/labels/" + number + "/revocation", Map.of("version",
                Fixtures.labelEtag(number).replace("\"", ""), "reason", "Faute grave")).then().statusCode(400)
                .body(containsString("id=\"revoke-confirm-error\""));
    }
}
