package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.published;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The employer platform's pages as a browser gets them: languages, security headers, role checks,
 * CSRF on forms, errors as pages (and still problem+json on the API), the widget's framing per key.
 * Journeys in a real browser are in the system tests (deploy/local-system, BrowserTest).
 */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class PagesTest {

    private static final String EMPLOYER = Tokens.bearer("page-employer", "employer");
    private static Feed.P lyon;

    @BeforeEach
    void practitioner() {
        if (lyon == null) {
            lyon = new Feed.P().speaking("fr", "fsl");
            lyon.publicName = "Alex <b>P.</b>";
            published(lyon);
        }
    }

    private static RequestSpecification browser() {
        return given().accept("text/html,application/xhtml+xml,*/*;q=0.8").redirects().follow(false);
    }

    @Test
    void homeIsFrenchByDefaultEnglishOnRequestAndSafeInABrowser() {
        browser().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"),
                        containsString("script-src 'self'"), containsString("frame-ancestors 'none'")))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<html lang=\"fr\">"), containsString("Trouver un pair-aidant"),
                        containsString("href=\"#main\""), not(containsString("<script>")), not(containsString("style=")));
        browser().header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Find a labelled peer helper"));
        // The switch sets the language of every page of this browser, and goes back to the page only.
        String cookie = browser().get("/language?to=en&return=/guide").then().statusCode(303)
                .header("Location", endsWith("/guide")).extract().cookie("pairaidance_lang");
        assertEquals("en", cookie);
        browser().cookie("pairaidance_lang", "en").get("/guide").then().body(containsString("<html lang=\"en\">"));
        browser().get("/language?to=en&return=https://evil.example.org/").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }

    @Test
    void aTypedPlaceMovesToTheAreaAddressAndResultsShowOnlyPublishedFieldsEncoded() {
        browser().get("/search?q=69003").then().statusCode(303)
                .header("Location", endsWith("/search?area=com%3A69123"));
        browser().get("/search?q=Atlantide").then().statusCode(200)
                .body(containsString("id=\"q-error\""), containsString("Atlantide"), containsString("aria-invalid=\"true\""));
        String page = browser().get("/search?area=ze:8421&language=fsl").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Alex &lt;b&gt;P.&lt;/b&gt;"), "a name is encoded on output");
        assertTrue(page.contains(lyon.registryNumber));
        assertTrue(page.contains("/verify/" + lyon.labelNumber));
        assertTrue(!page.contains(lyon.email) && !page.contains(lyon.phone), "no contact detail in results");
        browser().get("/practitioners/" + lyon.registryNumber).then().statusCode(200)
                .body(containsString("Santé mentale"), not(containsString(lyon.email)));
    }

    @Test
    void errorsArePagesForPeopleAndProblemsForTheApi() {
        Response missing = browser().get("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.contentType().startsWith("text/html"));
        String correlationId = missing.header("X-Correlation-Id");
        assertTrue(missing.asString().contains(correlationId), "the page quotes the correlation id");
        browser().get("/practitioners/PA-1999-000000").then().statusCode(404).contentType(startsWith("text/html"));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        browser().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void employerPagesNeedAnEmployer() {
        browser().get("/requests").then().statusCode(303)
                .header("Location", endsWith("/sign-in?return=%2Frequests"));
        browser().header("Authorization", Tokens.bearer("someone", "practitioner")).get("/requests").then()
                .statusCode(403).contentType(startsWith("text/html"));
        browser().header("Authorization", EMPLOYER).get("/requests").then().statusCode(200)
                .body(containsString("Mes demandes"));
        browser().get("/self-diagnosis/saved").then().statusCode(303);
    }

    @Test
    void aFormIsRefusedWithoutItsCsrfTokenAndKeepsWhatWasTypedOnError() {
        given().header("Authorization", EMPLOYER).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("to", lyon.registryNumber).formParam("message", "Bonjour")
                .post("/requests").then().statusCode(400);
        Response form = browser().header("Authorization", EMPLOYER).get("/requests/new?to=" + lyon.registryNumber);
        String token = form.cookie("csrf_orientation");
        String typed = "Nous cherchons <un> groupe de pairs";
        given().header("Authorization", EMPLOYER).accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf_orientation", token)
                .formParam("csrf-token", token).formParam("to", lyon.registryNumber)
                .formParam("workforceSize", "beaucoup").formParam("message", typed)
                .post("/requests").then().statusCode(400)
                .body(containsString("id=\"workforceSize-error\""), containsString("href=\"#workforceSize\""),
                        containsString("Nous cherchons &lt;un&gt; groupe de pairs"), containsString("value=\"beaucoup\""));
        given().header("Authorization", EMPLOYER).accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf_orientation", token)
                .formParam("csrf-token", token).formParam("to", lyon.registryNumber).formParam("message", typed)
                .post("/requests").then().statusCode(303).header("Location", endsWith("/requests?sent=1"));
        browser().header("Authorization", EMPLOYER).get("/requests").then()
                .body(containsString(lyon.registryNumber), containsString("En attente de réponse"));
    }

    @Test
    void thePractitionerSeesWhatTheEmployerWillSeeBeforeAcceptingAndTheEmployerThenReadsTheContact() {
        Feed.P helper = new Feed.P().speaking("fr", "fsl");
        published(helper);
        String employer = Tokens.bearer("page-employer-2", "employer");
        String practitioner = Tokens.bearer(helper.subject, "practitioner");
        String id = given().header("Authorization", employer).contentType("application/json")
                .body(java.util.Map.of("registryNumber", helper.registryNumber, "area", "ze:8421", "message", "Bonjour"))
                .post("/api/v1/requests").then().statusCode(201).extract().path("items[0].id");
        browser().header("Authorization", practitioner).get("/received").then().statusCode(200)
                .body(containsString("/received/" + id));
        Response page = browser().header("Authorization", practitioner).get("/received/" + id);
        page.then().statusCode(200).body(containsString("Ce que l'employeur verra".replace("'", "&#39;")),
                containsString(helper.email), containsString("value=\"accept\""));
        browser().header("Authorization", Tokens.bearer("someone-else", "practitioner")).get("/received/" + id).then()
                .statusCode(404);
        browser().header("Authorization", employer).get("/requests/" + id).then().statusCode(200)
                .body(not(containsString(helper.email)));
        String token = page.cookie("csrf_orientation");
        given().header("Authorization", practitioner).accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf_orientation", token)
                .formParam("csrf-token", token).formParam("answer", "accept")
                .post("/received/" + id + "/answer").then().statusCode(303);
        browser().header("Authorization", employer).get("/requests/" + id).then().statusCode(200)
                .body(containsString(helper.email), containsString("Acceptée"));
    }

    @Test
    void selfDiagnosisShowsEstimatesAsChartAndTableAndNamesTheWrongCell() {
        Response form = browser().get("/self-diagnosis");
        String token = form.cookie("csrf_orientation");
        given().accept("text/html").contentType("application/x-www-form-urlencoded").cookie("csrf_orientation", token)
                .formParam("csrf-token", token).formParam("n_30-44_F", "-4").formParam("n_55-64_M", "20")
                .post("/self-diagnosis").then().statusCode(400)
                .body(containsString("id=\"n_30-44_F-error\""), containsString("value=\"20\""));
        given().accept("text/html").contentType("application/x-www-form-urlencoded").cookie("csrf_orientation", token)
                .formParam("csrf-token", token).formParam("n_30-44_F", "40").formParam("n_55-64_M", "20")
                .formParam("q", "Lyon")
                .post("/self-diagnosis").then().statusCode(200)
                .body(containsString("<svg class=\"chart\" role=\"img\""), containsString("<caption>"),
                        containsString("Proche aidant"), containsString("area=com%3A69123"));
    }

    @Test
    void indicatorsAndRegionalFrontDoors() {
        browser().get("/indicators?area=ze:8421").then().statusCode(200)
                .body(containsString("/indicators.csv?area=ze:8421"), containsString("<caption>"));
        given().get("/indicators.csv?area=ze:8421").then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("indicator,key,value,suppressed"));
        browser().get("/regions/84").then().statusCode(200)
                .body(containsString("Auvergne-Rhône-Alpes"), containsString("contact-ara@example.org"),
                        containsString("/zones/8421"));
        browser().get("/zones/8421").then().statusCode(200).body(containsString("value=\"ze:8421\""));
        browser().get("/where?postalCode=69003").then().statusCode(303).header("Location", endsWith("/zones/8421"));
    }

    @Test
    void theWidgetIsFramedOnlyByItsKeysOriginsAndSaysWhenItsKeyIsOverItsLimit() {
        browser().get("/embed/search?key=demo-portal&area=ze:8421").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("frame-ancestors 'self' http://localhost:5173"),
                        not(containsString("frame-ancestors 'none'"))))
                .header("X-Frame-Options", equalTo(null))
                .body(containsString(lyon.registryNumber), containsString("target=\"_blank\""));
        browser().get("/embed/search?key=unknown&area=ze:8421").then().statusCode(404)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        int limited = 0;
        for (int i = 0; i < 5 && limited == 0; i++) {
            Response r = browser().get("/embed/search?key=tiny&area=ze:8421");
            if (r.statusCode() == 429) {
                limited++;
                assertTrue(r.header("Retry-After") != null);
                assertTrue(r.asString().contains("Trop de recherches"));
                assertTrue(r.header("Content-Security-Policy").contains("https://jobs-tiny.example.org"));
            }
        }
        assertEquals(1, limited, "the key's limit (2 a minute) is met within 5 searches");
        given().get("/embed.js").then().statusCode(200).body(containsString("pairaidance:height"));
    }
}
