package fr.pairaidance.systemtests;

import static fr.pairaidance.systemtests.Api.labelling;
import static fr.pairaidance.systemtests.Api.orientation;
import static fr.pairaidance.systemtests.Api.registry;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in real Chromium against the running system, with Keycloak's own sign-in, in the order of a
 * practitioner's story: a regulator grants the label on the desk; employers find the practitioner (every
 * page checked with axe-core, WCAG 2.2 A and AA; a search with the keyboard only) and send a request; a
 * second regulator decides an appeal the first refused and suspends until a day; anyone verifies the label
 * (with the keyboard), as of a past day too; the holder's certificate leads there; and the widget is
 * embedded by a registered origin and refused to another.
 */
@ExtendWith(SystemUnderTest.Extension.class)
@org.junit.jupiter.api.Order(6)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    /** The origin registered for the demo widget key (orientation-service's application.properties). */
    private static final int PORTAL_PORT = 5173;

    private static String registryNumber;
    private static String labelNumber;
    private static String applicationId;
    private static Browser browser;

    @BeforeAll
    static void anApplicationAndABrowser() {
        applicationId = dominiqueApplies();
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String orientationUrl() {
        return SystemUnderTest.get().serviceUrl("orientation-service");
    }

    /** Dominique, registered by an agency in Lyon, trained, consenting, applies for the label. */
    private static String dominiqueApplies() {
        String dominique = KeycloakTokens.user("dominique");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("givenName", "Dominique");
        record.put("familyName", "Bernard");
        record.put("birthDate", "1979-06-21");
        record.put("email", "dominique@pairaidance.test");
        record.put("phone", "+33622334455");
        record.put("communeCode", "69123");
        record.put("domains", List.of("MENTAL_HEALTH"));
        record.put("appellations", List.of("PAIR_AIDANT"));
        record.put("modes", List.of("SELF_EMPLOYED"));
        record.put("siret", "73282932000074");
        record.put("formats", List.of("ONE_TO_ONE", "PEER_GROUP"));
        record.put("languages", List.of("fr", "fsl"));
        record.put("remote", true);
        Response registered = Api.registerTrained(record);
        String id = registered.path("id");
        registryNumber = registered.path("registryNumber");
        registry(dominique).get("/api/v1/practitioners/me").then().statusCode(200);
        registry(dominique).body(Map.of("listed", true, "domains", true, "appellations", true, "formats", true,
                "languages", true, "commune", true, "contact", true))
                .put("/api/v1/practitioners/" + id + "/consents").then().statusCode(200);
        Map<String, Object> scope = Map.of("domains", List.of("MENTAL_HEALTH"), "appellations", List.of("PAIR_AIDANT"));
        String[] application = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = labelling(dominique).body(Map.of("scope", scope)).post("/api/v1/applications");
            application[0] = r.statusCode() == 201 ? r.path("id") : null;
            return application[0] != null;
        });
        return application[0];
    }

    private static String labellingUrl() {
        return SystemUnderTest.get().serviceUrl("labelling-service");
    }

    /** Signs in at Keycloak's page, which the browser is on. */
    private static void signIn(WebDriver driver, String user) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user, Keys.ENTER);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aRegulatorTakesAndGrantsAnApplicationOnTheDesk() {
        try (Browser regine = new Browser()) {
            WebDriver driver = regine.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(labellingUrl() + "/desk");
            signIn(driver, "regine");
            wait.until(ExpectedConditions.urlContains("/desk"));
            regine.assertAccessible("labelling-desk-queue");
            driver.findElement(By.cssSelector("a[href='/desk/applications/" + applicationId + "']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/take']")));
            regine.assertAccessible("labelling-desk-application");
            driver.findElement(By.cssSelector("form[action$='/take'] button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grant-reason")));
            driver.findElement(By.id("grant-reason")).sendKeys("Socle commun et pratique supervisée vérifiés");
            driver.findElement(By.cssSelector("form[action$='/grant'] button")).click();
            wait.until(ExpectedConditions.urlContains("done=1"));
            assertTrue(driver.getPageSource().contains("Socle commun et pratique supervisée vérifiés"));
            regine.assertAccessible("labelling-desk-decided");
            driver.get(labellingUrl() + "/desk/labels?q=" + registryNumber);
            regine.assertAccessible("labelling-desk-labels");
            driver.get(labellingUrl() + "/desk/work");
            regine.assertAccessible("labelling-desk-work");
        }
        labelNumber = labelling(KeycloakTokens.user("dominique")).get("/api/v1/labels/mine").then().statusCode(200)
                .extract().path("[0].number");
        await().atMost(Duration.ofSeconds(60)).until(() -> orientation(null)
                .get("/api/v1/practitioners?area=ze:8421&language=fsl&size=50").then().extract()
                .<List<String>>path("items.registryNumber").contains(registryNumber));
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void anAppealIsDecidedByAnotherRegulatorWhoThenSuspendsTheLabelUntilADay() {
        String agent = KeycloakTokens.agency();
        String regine = KeycloakTokens.user("regine");
        Map<String, Object> record = new LinkedHashMap<>(Api.registration("Appel", "35238", "BEREAVEMENT",
                "PAIR_AIDANT", "PEER_GROUP"));
        String id = Api.registerTrained(record).path("id");
        Map<String, Object> scope = Map.of("domains", List.of("BEREAVEMENT"), "appellations", List.of("PAIR_AIDANT"));
        String[] application = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = labelling(agent).body(Map.of("practitionerId", id, "scope", scope)).post("/api/v1/applications");
            application[0] = r.statusCode() == 201 ? r.path("id") : null;
            return application[0] != null;
        });
        String path = "/api/v1/applications/" + application[0];
        String etag = labelling(regine).get(path).then().extract().header("ETag");
        etag = labelling(regine).header("If-Match", etag).post(path + "/assignment").then().statusCode(200)
                .extract().header("ETag");
        etag = labelling(regine).header("If-Match", etag).body(Map.of("reason", "Supervision non justifiée"))
                .post(path + "/refusal").then().statusCode(200).extract().header("ETag");
        labelling(agent).header("If-Match", etag).body(Map.of("reason", "Attestation de supervision jointe"))
                .post(path + "/appeal").then().statusCode(200);
        try (Browser first = new Browser()) {
            first.driver.get(labellingUrl() + "/desk/applications/" + application[0]);
            signIn(first.driver, "regine");
            new WebDriverWait(first.driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            assertEquals(0, first.driver.findElements(By.cssSelector("form[action$='/appeal-decision']")).size(),
                    "the regulator who refused may not decide the appeal");
        }
        try (Browser raphael = new Browser()) {
            WebDriver driver = raphael.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(labellingUrl() + "/desk/applications/" + application[0]);
            signIn(driver, "raphael");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/appeal-decision']")));
            driver.findElement(By.cssSelector("input[name=outcome][value=UPHELD]")).click();
            driver.findElement(By.id("appeal-reason")).sendKeys("L'attestation de supervision est probante");
            driver.findElement(By.cssSelector("form[action$='/appeal-decision'] button")).click();
            wait.until(ExpectedConditions.urlContains("done=1"));
            String number = labelling(regine).get(path).then().extract().path("labelNumber");
            driver.get(labellingUrl() + "/desk/labels/" + number);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("suspend-reason")));
            raphael.assertAccessible("labelling-desk-label");
            String until = java.time.LocalDate.now().plusDays(30).toString();
            driver.findElement(By.id("suspend-reason")).sendKeys("Plainte en cours d'examen");
            driver.findElement(By.id("suspend-until")).sendKeys(until);
            driver.findElement(By.cssSelector("form[action$='/suspension'] button")).click();
            wait.until(ExpectedConditions.urlContains("done=1"));
            labelling(regine).get("/api/v1/labels/" + number).then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo("SUSPENDED"))
                    .body("suspendedUntil", org.hamcrest.Matchers.equalTo(until));
            List<String> actors = labelling(regine).get("/api/v1/labels/" + number + "/history").then()
                    .extract().path("byName");
            assertTrue(actors.contains("raphael"), "the desk's decisions are in the audit trail: " + actors);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void anyoneVerifiesANumberWithTheKeyboardAndTheHoldersCertificateLeadsThere() throws Exception {
        // The verification is rate-limited per address, and the earlier system tests verified much from this
        // one: the test starts in a new window of the limit, as a visitor would.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(5)).until(() -> labelling(null)
                .get("/api/v1/labels/" + labelNumber + "/verification").statusCode() == 200);
        WebDriver driver = browser.driver;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(labellingUrl() + "/verify");
        browser.assertAccessible("labelling-verify");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        tabUntil(driver, "number").sendKeys(labelNumber, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/verify/" + labelNumber));
        assertTrue(driver.getPageSource().contains("Label valide"));
        browser.assertAccessible("labelling-verification");
        tabUntil(driver, "asOf").sendKeys("2020-01-01", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("asOf=2020-01-01"));
        assertTrue(driver.getPageSource().contains("Label non valide"), "not yet granted on that day");
        browser.assertAccessible("labelling-verification-past");
        // The holder signs in and downloads the certificate; its QR code is the verification page's address.
        try (Browser dominique = new Browser()) {
            dominique.driver.get(labellingUrl() + "/my/labels");
            signIn(dominique.driver, "dominique");
            new WebDriverWait(dominique.driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='certificate.pdf']")));
            dominique.assertAccessible("labelling-my-labels");
            byte[] pdf = dominique.download().get(labellingUrl() + "/my/labels/" + labelNumber + "/certificate.pdf").then()
                    .statusCode(200).extract().asByteArray();
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertTrue(text.contains(labelNumber) && text.contains("Dominique B."), text);
                java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
                        .renderImageWithDPI(0, 150);
                String url = new com.google.zxing.MultiFormatReader().decode(new com.google.zxing.BinaryBitmap(
                        new com.google.zxing.common.HybridBinarizer(
                                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page)))).getText();
                assertEquals(labellingUrl() + "/verify/" + labelNumber, url);
                driver.get(url);
                assertTrue(driver.getPageSource().contains("Label valide"));
            }
            // The holder's digital credential, given to an employer who checks it on the public page.
            String credential = dominique.download().get(labellingUrl() + "/my/labels/" + labelNumber
                    + "/credential.jwt").then().statusCode(200).extract().asString();
            driver.get(labellingUrl() + "/verify");
            driver.findElement(By.id("credential")).sendKeys(credential);
            driver.findElement(By.id("credential")).submit();
            wait.until(ExpectedConditions.urlContains("/verify/credential"));
            assertTrue(driver.getPageSource().contains("Ce justificatif est authentique"), driver.getPageSource());
            assertTrue(driver.getPageSource().contains("Dominique B."));
            browser.assertAccessible("labelling-credential-check");
        }
    }

    private WebDriver go(String path) {
        browser.driver.get(orientationUrl() + path);
        return browser.driver;
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void everyPageOfTheEmployerPlatformPassesAxe() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("orientation-home", "/");
        pages.put("orientation-results", "/search?area=ze:8421&language=fsl");
        pages.put("orientation-place-choice", "/search?q=Saint-Denis");
        pages.put("orientation-practitioner", "/practitioners/" + registryNumber);
        pages.put("orientation-region", "/regions/84");
        pages.put("orientation-zone", "/zones/8421");
        pages.put("orientation-indicators", "/indicators?area=ze:8421");
        pages.put("orientation-self-diagnosis", "/self-diagnosis");
        pages.put("orientation-guide", "/guide");
        pages.put("orientation-integrate", "/integrate");
        pages.put("orientation-accessibility", "/accessibility");
        pages.put("orientation-not-found", "/no-such-page");
        pages.put("orientation-widget", "/embed/search?key=demo-portal&area=ze:8421");
        pages.forEach((name, path) -> {
            go(path);
            browser.assertAccessible(name);
        });
        browser.driver.get(orientationUrl() + "/language?to=en&return=%2Fsearch%3Farea%3Dze%3A8421");
        assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
        browser.assertAccessible("orientation-results-en");
        browser.driver.get(orientationUrl() + "/language?to=fr&return=%2F");
        // The results page at 320 CSS pixels wide: no horizontal scrolling of the page.
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
        go("/search?area=ze:8421&language=fsl");
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver;
        Long overflow = (Long) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object wide = js.executeScript("var w = document.documentElement.clientWidth; return Array.from("
                + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)"
                + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".join(', ');");
        browser.screenshot("orientation-results-320px");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        assertTrue(overflow <= 0, "the results page scrolls sideways at 320 px by " + overflow + " px: " + wide);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aSearchAndTheSelfDiagnosisAreDoneWithTheKeyboardOnly() {
        WebDriver driver = go("/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        WebElement body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement skip = driver.switchTo().activeElement();
        assertEquals("#main", skip.getAttribute("hash").isEmpty() ? skip.getAttribute("href") : skip.getAttribute("hash"));
        skip.sendKeys(Keys.ENTER);
        tabUntil(driver, "q").sendKeys("Lyon");
        wait.until(ExpectedConditions.attributeToBe(By.id("q"), "aria-expanded", "true"));
        WebElement q = driver.switchTo().activeElement();
        q.sendKeys(Keys.ARROW_DOWN);
        q.sendKeys(Keys.ENTER);
        assertEquals("com:69123", driver.findElement(By.id("area")).getAttribute("value"));
        tabUntil(driver, "domain").sendKeys("S");
        tabUntil(driver, "search-submit").sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/search?area=com%3A69123"));
        browser.screenshot("keyboard-results");
        assertTrue(driver.getPageSource().contains(registryNumber), "Dominique is found from Lyon");
        // The self-diagnosis with the keyboard: the first cell, a figure, submit with Enter.
        go("/self-diagnosis");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        tabUntil(driver, "n_30-44_F").sendKeys("120", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart")));
        browser.assertAccessible("orientation-self-diagnosis-result");
    }

    /** Presses Tab until the element with that id has the focus (at most 60 times). */
    /** Presses Tab until the focus is on the element the selector finds, and returns it. */
    private static WebElement tabTo(WebDriver driver, By target) {
        WebElement wanted = driver.findElement(target);
        for (int i = 0; i < 120; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (active.equals(wanted)) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reached " + target);
    }

    private static WebElement tabUntil(WebDriver driver, String id) {
        for (int i = 0; i < 60; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reached #" + id);
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void anEmployerSignsInSendsARequestFollowsItAndSignsOutEverywhere() {
        WebDriver driver = go("/practitioners/" + registryNumber);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.findElement(By.cssSelector("main a[href^='/requests/new']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.screenshot("keycloak-sign-in");
        driver.findElement(By.id("username")).sendKeys("emma");
        driver.findElement(By.id("password")).sendKeys("emma", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertTrue(driver.getCurrentUrl().startsWith(orientationUrl() + "/requests/new"), driver.getCurrentUrl());
        browser.assertAccessible("orientation-request-form");
        // An error keeps what was typed and names the field.
        driver.findElement(By.id("workforceSize")).sendKeys("0");
        driver.findElement(By.id("message")).sendKeys("Nous cherchons un groupe de pairs pour nos équipes.");
        driver.findElement(By.cssSelector("form[action='/requests'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertEquals("Nous cherchons un groupe de pairs pour nos équipes.",
                driver.findElement(By.id("message")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("workforceSize-error")).isDisplayed());
        browser.assertAccessible("orientation-request-form-error");
        WebElement workforce = driver.findElement(By.id("workforceSize"));
        workforce.clear();
        workforce.sendKeys("250");
        driver.findElement(By.cssSelector("form[action='/requests'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/requests?sent=1"));
        assertTrue(driver.getPageSource().contains(registryNumber));
        assertTrue(driver.getPageSource().contains("En attente de réponse"));
        browser.assertAccessible("orientation-my-requests");
        driver.findElement(By.cssSelector("td a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        browser.assertAccessible("orientation-request");
        go("/requests/mails");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/requests/mails']")));
        browser.assertAccessible("orientation-employer-mails");
        // Signing out ends the session here and at Keycloak: the requests page asks to sign in again.
        driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        wait.until(ExpectedConditions.urlContains("/signed-out/done"));
        browser.assertAccessible("orientation-signed-out");
        go("/requests");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void theWidgetWorksFromItsRegisteredOriginAndIsRefusedElsewhere() throws IOException {
        String page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Portail emploi</title></head>"
                + "<body><main><h1>Offres d'emploi</h1><script src=\"" + orientationUrl()
                + "/embed.js\" data-key=\"demo-portal\" data-area=\"ze:8421\"></script></main></body></html>";
        HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", PORTAL_PORT), 0);
        portal.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        portal.start();
        try {
            WebDriver driver = browser.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get("http://localhost:" + PORTAL_PORT + "/jobs");
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.tagName("iframe")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[role=search]")));
            assertTrue(driver.getPageSource().contains(registryNumber) || driver.findElements(By.cssSelector(".card")).size() > 0,
                    "the widget shows results for zone 8421");
            driver.switchTo().defaultContent();
            // The frame grows to its content (postMessage from the widget).
            wait.until(d -> d.findElement(By.tagName("iframe")).getSize().getHeight() > 400);
            browser.screenshot("widget-on-registered-portal");
            // Another origin (the same server, by its address) is not registered: the browser refuses the frame.
            driver.get("http://127.0.0.1:" + PORTAL_PORT + "/jobs");
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.tagName("iframe")));
            assertEquals(0, driver.findElements(By.cssSelector("form[role=search]")).size(),
                    "an unregistered origin must not show the widget");
            driver.switchTo().defaultContent();
            browser.screenshot("widget-refused-on-unregistered-origin");
        } finally {
            portal.stop(0);
        }
    }

    private static String registryUrl() {
        return SystemUnderTest.get().serviceUrl("registry-service");
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void thePractitionersSpacePassesAxeAndWhatTheConsentPageSaysIsWhatOthersSee() {
        try (Browser dominique = new Browser()) {
            WebDriver driver = dominique.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(registryUrl() + "/me");
            signIn(driver, "dominique");
            wait.until(ExpectedConditions.urlContains("/me"));
            dominique.assertAccessible("registry-my-space");
            for (String path : List.of("/me/record", "/me/training", "/me/mails", "/me/withdrawal", "/")) {
                driver.get(registryUrl() + path);
                dominique.assertAccessible("registry" + path.replace('/', '-'));
            }
            driver.get(SystemUnderTest.get().serviceUrl("orientation-service") + "/received");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            dominique.assertAccessible("orientation-received");
            driver.get(registryUrl() + "/me/consents");
            dominique.assertAccessible("registry-consents");
            // The page says the lived experiences are shown; search and verification show them.
            assertTrue(driver.findElement(By.cssSelector("input[name=domains]")).isSelected());
            assertEquals(List.of("MENTAL_HEALTH"), orientation(null).get("/api/v1/practitioners?area=ze:8421&language=fsl")
                    .then().extract().path("items.find { it.registryNumber == '" + registryNumber + "' }.domains"));
            // Unticked with the keyboard: the next search and the verification no longer show them.
            WebElement domains = driver.findElement(By.cssSelector("input[name=domains]"));
            domains.sendKeys(Keys.SPACE);
            driver.findElement(By.cssSelector("form[action='/me/consents'] button[type=submit]")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("saved=1"));
            assertTrue(!driver.findElement(By.cssSelector("input[name=domains]")).isSelected());
            await().atMost(Duration.ofSeconds(30)).until(() -> orientation(null)
                    .get("/api/v1/practitioners?area=ze:8421&language=fsl").then().extract()
                    .path("items.find { it.registryNumber == '" + registryNumber + "' }.domains") == null);
            await().atMost(Duration.ofSeconds(30)).until(() -> labelling(null)
                    .get("/api/v1/labels/" + labelNumber + "/verification").then().extract().path("scope.domains") == null);
            // "My data": one file with every service's part, read with Dominique's own session.
            driver.get(registryUrl() + "/me/data");
            dominique.assertAccessible("registry-my-data");
            io.restassured.path.json.JsonPath file = dominique.download().get(registryUrl() + "/me/data/file").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(List.of("registry", "labelling", "orientation"), file.getList("parts.service"));
            assertEquals(registryNumber, file.getString("parts[0].data.record.registryNumber"));
            assertEquals(labelNumber, file.getString("parts[1].data.labels[0].label.number"));
            assertEquals(registryNumber, file.getString("parts[2].data.known.registryNumber"));
            assertEquals(null, file.getString("parts[1].notIncluded"));
            assertEquals(null, file.getString("parts[2].notIncluded"));
        }
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void anAgentImportsAFileFromTheBrowserFollowsItsProgressAndGetsTheRejectedRows() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("agence-", ".csv");
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("given_name;family_name;birth_date;email;phone;commune_code;domains;"
                + "appellations;modes;siret;employer_name;formats;languages;remote\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("Lou;Navarro;1990-02-03;import-").append(i).append('-').append(tag)
                    .append("@example.org;;").append(i == 7 ? "99999" : "33063")
                    .append(";CANCER;PAIR_AIDANT;VOLUNTEER;;;PEER_GROUP;fr;non\n");
        }
        java.nio.file.Files.writeString(file, csv);
        try (Browser agent = new Browser()) {
            WebDriver driver = agent.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(registryUrl() + "/desk/imports");
            signIn(driver, "agent");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
            agent.assertAccessible("registry-desk-import");
            driver.findElement(By.id("file")).sendKeys(file.toString());
            driver.findElement(By.cssSelector("form[action='/desk/imports'] button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches(".*/desk/imports/[0-9a-f-]{36}$"));
            agent.screenshot("registry-desk-import-progress");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='/rejected.csv']")));
            assertTrue(driver.getPageSource().contains("2999 inscrit(s)"),
                    "the result counts the imported rows");
            agent.assertAccessible("registry-desk-import-result");
            String rejected = agent.download().get(driver.findElement(By.cssSelector("a[href$='/rejected.csv']"))
                    .getAttribute("href")).then().statusCode(200).extract().asString();
            assertTrue(rejected.contains("import-7-" + tag) && !rejected.contains("import-8-" + tag), rejected);
            for (String path : List.of("/desk", "/desk/practitioners/new")) {
                driver.get(registryUrl() + path);
                agent.assertAccessible("registry" + path.replace('/', '-'));
            }
            driver.get(registryUrl() + "/desk?name=Navarro");
            driver.findElement(By.cssSelector("td a[href^='/desk/practitioners/']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/completions']")));
            agent.assertAccessible("registry-desk-record");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void aPersonCreatesAnAccountAndDoesTheWholePractitionerJourneyWithTheKeyboardOnly() {
        String email = "sacha." + System.nanoTime() + "@pairaidance.test";
        try (Browser sacha = new Browser()) {
            WebDriver driver = sacha.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(registryUrl() + "/me/register");
            // Keycloak's sign-in page offers to create an account; the keyboard follows that link.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            tabTo(driver, By.cssSelector("a[href*='registration']")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-confirm")));
            tabTo(driver, By.id("email")).sendKeys(email);
            tabTo(driver, By.id("password")).sendKeys("un mot de passe assez long");
            tabTo(driver, By.id("password-confirm")).sendKeys("un mot de passe assez long");
            tabTo(driver, By.id("firstName")).sendKeys("Sacha");
            tabTo(driver, By.id("lastName")).sendKeys("Martin", Keys.ENTER);
            // The address is confirmed by the link of the mail the local SMTP server received.
            String link = await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.link(email, "action-token"),
                    java.util.Optional::isPresent).orElseThrow();
            driver.get(link);
            java.util.List<WebElement> proceed = driver.findElements(By.cssSelector("a[href*='execution'], a[href*='/me']"));
            if (!driver.getCurrentUrl().startsWith(registryUrl()) && !proceed.isEmpty()) {
                tabTo(driver, By.cssSelector("a[href*='execution'], a[href*='/me']")).sendKeys(Keys.ENTER);
            }
            wait.until(ExpectedConditions.urlContains(registryUrl() + "/me/register"));
            sacha.assertAccessible("registry-self-registration");
            // The registration form, filled with the keyboard only; the address is the account's.
            assertTrue(driver.getPageSource().contains(email), "the account's address is shown");
            tabTo(driver, By.id("givenName")).sendKeys("Sacha");
            tabTo(driver, By.id("familyName")).sendKeys("Martin");
            tabTo(driver, By.id("birthDate")).sendKeys("1990-02-03");
            tabTo(driver, By.id("commune")).sendKeys("Villeurbanne");
            tabTo(driver, By.cssSelector("input[name=domains][value=ADDICTION]")).sendKeys(Keys.SPACE);
            tabTo(driver, By.cssSelector("input[name=appellations][value=PAIR_AIDANT]")).sendKeys(Keys.SPACE);
            tabTo(driver, By.cssSelector("input[name=modes][value=VOLUNTEER]")).sendKeys(Keys.SPACE);
            tabTo(driver, By.cssSelector("input[name=formats][value=ONE_TO_ONE]")).sendKeys(Keys.SPACE);
            WebElement french = tabTo(driver, By.cssSelector("input[name=languages][value=fr]"));
            if (!french.isSelected()) {
                french.sendKeys(Keys.SPACE);
            }
            tabTo(driver, By.cssSelector("form[action='/me/register'] button[type=submit]")).sendKeys(Keys.ENTER);
            try {
                wait.until(ExpectedConditions.urlContains("registered=1"));
            } catch (org.openqa.selenium.TimeoutException e) {
                sacha.screenshot("registry-self-registration-refused");
                throw new AssertionError("not registered: " + driver.findElement(By.tagName("main")).getText(), e);
            }
            sacha.assertAccessible("registry-registered");
            String number = driver.findElement(By.xpath("//dt[.='Numéro au registre']/following-sibling::dd[1]")).getText();
            assertTrue(number.startsWith("PA-"), "the registry number is shown: " + number);

            // Publication choices, with the keyboard.
            driver.get(registryUrl() + "/me/consents");
            for (String field : List.of("listed", "appellations", "formats", "languages", "commune", "contact")) {
                tabTo(driver, By.cssSelector("input[name=" + field + "]")).sendKeys(Keys.SPACE);
            }
            tabTo(driver, By.cssSelector("form[action='/me/consents'] button[type=submit]")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("saved=1"));

            // An agency records the common core; the label page then offers to apply.
            String id = registry(KeycloakTokens.agency()).queryParam("name", number).get("/api/v1/practitioners").then()
                    .statusCode(200).extract().path("items[0].id");
            Api.completeCore(id);
            driver.get(labellingUrl() + "/my/labels");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector("form[action='/my/labels/applications']")).isEmpty();
            });
            sacha.assertAccessible("labelling-apply");
            tabTo(driver, By.cssSelector("input[name=domain][value=ADDICTION]")).sendKeys(Keys.SPACE);
            tabTo(driver, By.cssSelector("input[name=appellation][value=PAIR_AIDANT]")).sendKeys(Keys.SPACE);
            tabTo(driver, By.cssSelector("form[action='/my/labels/applications'] button[type=submit]")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("applied=1"));
            sacha.assertAccessible("labelling-applied");

            // The regulator grants through the API.
            String regulator = KeycloakTokens.user("regine");
            String application = labelling(regulator).queryParam("practitionerId", id).get("/api/v1/applications")
                    .then().statusCode(200).extract().path("items[0].id");
            labelling(regulator).header("If-Match", labelling(regulator).get("/api/v1/applications/" + application)
                    .then().extract().header("ETag")).post("/api/v1/applications/" + application + "/assignment")
                    .then().statusCode(200);
            labelling(regulator).header("If-Match", labelling(regulator).get("/api/v1/applications/" + application)
                    .then().extract().header("ETag")).body(Map.of("reason", "Common core and supervised practice verified",
                            "scope", Map.of("domains", List.of("ADDICTION"), "appellations", List.of("PAIR_AIDANT"))))
                    .post("/api/v1/applications/" + application + "/grant").then().statusCode(200);
            // Sacha is told by mail, with a link to the label page and nothing about the domains.
            Mailbox.Mail granted = await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.of(email).stream()
                    .filter(m -> m.subject().equals("Votre label de pair-aidant est délivré")).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertTrue(granted.text().contains(labellingUrl() + "/my/labels"), granted.text());
            assertTrue(!granted.text().contains("ADDICTION") && !granted.text().contains("ddiction"), granted.text());

            // An employer asks; the mail Sacha receives leads to the request, which Sacha accepts with the keyboard.
            String employer = KeycloakTokens.user("eric");
            int ericsMails = Mailbox.of("eric@pairaidance.test").size();
            await().atMost(Duration.ofSeconds(60)).until(() -> orientation(employer)
                    .body(Map.of("registryNumber", number, "area", "dep:69", "format", "ONE_TO_ONE",
                            "message", "Nous cherchons un pair-aidant pour notre service d'accueil."))
                    .post("/api/v1/requests").statusCode() == 201);
            String requestLink = await().atMost(Duration.ofSeconds(60))
                    .until(() -> Mailbox.link(email, orientationUrl() + "/received/"), java.util.Optional::isPresent)
                    .orElseThrow();
            assertTrue(Mailbox.of(email).stream().noneMatch(m -> m.text().contains("service d'accueil")),
                    "the employer's message stays on the platform");
            driver.get(requestLink);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=accept]")));
            sacha.assertAccessible("orientation-received-request");
            tabTo(driver, By.cssSelector("button[value=accept]")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("answered=1"));
            // The employer is told by mail, with a link to read the contact on the platform, not the contact.
            Mailbox.Mail accepted = await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.of("eric@pairaidance.test")
                    .stream().skip(ericsMails).filter(m -> m.subject().equals("Un pair-aidant accepte votre demande"))
                    .findFirst(), java.util.Optional::isPresent).orElseThrow();
            assertTrue(accepted.text().contains(number) && accepted.text().contains(orientationUrl() + "/requests/"),
                    accepted.text());
            assertTrue(!accepted.text().contains(email), "the contact stays on the platform: " + accepted.text());

            // Sacha leaves the register, with the keyboard, after the page says what is erased and kept.
            driver.get(registryUrl() + "/me/withdrawal");
            sacha.assertAccessible("registry-withdrawal-sacha");
            tabTo(driver, By.id("confirm")).sendKeys(Keys.SPACE);
            tabTo(driver, By.cssSelector("form[action='/me/withdrawal'] button[type=submit]")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("withdrawn=1"));
            registry(KeycloakTokens.agency()).get("/api/v1/practitioners/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
        }
        // Only the accounts people create are peer helpers: staff accounts do not get the role by default.
        registry(KeycloakTokens.user("regine")).get("/api/v1/practitioners/me").then().statusCode(403);
    }

}
