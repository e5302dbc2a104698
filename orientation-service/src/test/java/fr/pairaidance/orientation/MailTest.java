package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.published;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.MailTestResource;
import fr.pairaidance.localstack.testing.Tokens;
import fr.pairaidance.orientation.service.RequestService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mails to employers about their requests, sent by orientation-service from its own request events to
 * the address of the employer's account: the answer and a link to read it, never the practitioner's
 * contact nor the request's message; the kinds they turned off left unsent.
 */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class MailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RequestService requests;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    @Test
    void theEmployerHearsOfEachAnswerWithALinkAndNeverTheContact() throws Exception {
        String subject = "employer-mail-" + UUID.randomUUID();
        String address = subject + "@example.org";
        String employer = Tokens.employer(subject, address);
        Feed.P accepting = published(RequestTest.brest());
        Feed.P declining = published(RequestTest.brest());
        Feed.P silent = published(RequestTest.brest());
        String accepted = RequestTest.send(employer, RequestTest.to(accepting)).statusCode(201).extract().path("items[0].id");
        String declined = RequestTest.send(employer, RequestTest.to(declining)).statusCode(201).extract().path("items[0].id");
        RequestTest.send(employer, RequestTest.to(silent)).statusCode(201);
        RequestTest.answer(RequestTest.practitioner(accepting), accepted, "acceptance").statusCode(200);
        await().atMost(WAIT).until(() -> MailTestResource.mailsTo(address).size() == 1);
        RequestTest.answer(RequestTest.practitioner(declining), declined, "decline").statusCode(200);
        await().atMost(WAIT).until(() -> MailTestResource.mailsTo(address).size() == 2);
        TestClock.CLOCK.advance(Duration.ofDays(8));
        requests.expireDue();
        await().atMost(WAIT).until(() -> MailTestResource.mailsTo(address).size() == 3);

        List<MimeMessage> mails = MailTestResource.mailsTo(address);
        assertEquals(List.of("Un pair-aidant accepte votre demande", "Votre demande est déclinée",
                "Votre demande est restée sans réponse"), subjects(mails));
        String text = MailTestResource.text(mails.get(0));
        assertTrue(text.contains(accepting.registryNumber) && text.contains("/requests/" + accepted), text);
        for (MimeMessage mail : mails) {
            for (String part : List.of(MailTestResource.text(mail), MailTestResource.html(mail))) {
                assertFalse(part.contains(accepting.email) || part.contains(accepting.phone), "no contact in a mail");
                assertFalse(part.contains("Secret message"), "no message in a mail");
            }
        }
    }

    @Test
    void anEmployerTurnsOffAKindAndChoosesEnglish() throws Exception {
        String subject = "employer-mail-" + UUID.randomUUID();
        String address = subject + "@example.org";
        String employer = Tokens.employer(subject, address);
        browser(employer).get("/requests/mails").then().statusCode(200)
                .body(containsString("Une demande déclinée"), containsString("name=\"kind\" value=\"REQUEST_DECLINED\" checked"));
        String csrf = browser(employer).get("/requests/mails").cookie("csrf_orientation");
        browser(employer).contentType("application/x-www-form-urlencoded").cookie("csrf_orientation", csrf)
                .formParam("csrf-token", csrf).formParam("language", "en").formParam("kind", "REQUEST_ACCEPTED")
                .post("/requests/mails").then().statusCode(303).header("Location", endsWith("/requests/mails?saved=1"));

        Feed.P declining = published(RequestTest.brest());
        Feed.P accepting = published(RequestTest.brest());
        String declined = RequestTest.send(employer, RequestTest.to(declining)).statusCode(201).extract().path("items[0].id");
        String accepted = RequestTest.send(employer, RequestTest.to(accepting)).statusCode(201).extract().path("items[0].id");
        RequestTest.answer(RequestTest.practitioner(declining), declined, "decline").statusCode(200);
        RequestTest.answer(RequestTest.practitioner(accepting), accepted, "acceptance").statusCode(200);
        await().atMost(WAIT).until(() -> MailTestResource.mailsTo(address).size() == 1);
        await().atMost(WAIT).until(() -> consumedAnswerOf(declined));

        List<MimeMessage> mails = MailTestResource.mailsTo(address);
        assertEquals(List.of("A peer helper accepts your request"), subjects(mails), "the declined one was turned off");
        assertTrue(MailTestResource.html(mails.get(0)).contains("<html lang=\"en\">"));
    }

    @Test
    void theMailSettingsAreTheEmployersOwn() {
        given().accept("text/html").redirects().follow(false).get("/requests/mails").then().statusCode(303)
                .header("Location", endsWith("/sign-in?return=%2Frequests%2Fmails"));
        browser(Tokens.bearer("someone", "practitioner")).get("/requests/mails").then().statusCode(403);
        browser(Tokens.bearer("a-portal", "job-portal")).get("/requests/mails").then().statusCode(403);
        browser(Tokens.employer("employer-no-csrf", "e@example.org")).contentType("application/x-www-form-urlencoded")
                .formParam("language", "en").post("/requests/mails").then().statusCode(400);
    }

    private static RequestSpecification browser(String token) {
        return given().accept("text/html").redirects().follow(false).header("Authorization", token);
    }

    private static List<String> subjects(List<MimeMessage> mails) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage mail : mails) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    /** Whether the mail consumer has read the event of the request's decline. */
    private boolean consumedAnswerOf(String requestId) {
        return KafkaTestClient.readAll("orientation.request").stream()
                .filter(e -> requestId.equals(e.key()) && e.type().endsWith(".declined.v1"))
                .anyMatch(e -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_message where consumer = 'orientation-mail' and event_id = ?1")
                        .setParameter(1, e.id()).getSingleResult()).intValue() == 1));
    }
}
