package fr.pairaidance.registry;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mails to practitioners, sent by registry-service from the events of labelling and orientation to the
 * address of the record: once per event, in the person's language, without any health data or reason,
 * the kinds they turned off left unsent, nothing lost while the SMTP server is away.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class MailTest {

    private static final String LABEL = "fr.pairaidance.labelling.label.";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Test
    void aGrantReachesThePractitionerOnceInFrenchWithALinkAndNoHealthDataNorReason() throws Exception {
        String subject = "mail-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        String address = Fixtures.emailOf(subject);

        String eventId = KafkaTestClient.send("labelling.label", id, LABEL + "granted.v1", label(id, "ACTIVE", null));
        KafkaTestClient.send("labelling.label", id, LABEL + "granted.v1", label(id, "ACTIVE", null), eventId);
        // A later event of the same practitioner (same partition): once its mail is there, the duplicate was read.
        KafkaTestClient.send("labelling.label", id, LABEL + "renewal-due.v1", label(id, "RENEWAL_DUE", null));
        await().atMost(WAIT).until(() -> MailTestResource.mailsTo(address).size() >= 2);

        List<MimeMessage> mails = MailTestResource.mailsTo(address);
        assertEquals(2, mails.size(), "one mail per event, the duplicate sent nothing");
        MimeMessage grant = mails.get(0);
        assertEquals("Votre label de pair-aidant est délivré", grant.getSubject());
        String text = MailTestResource.text(grant);
        String html = MailTestResource.html(grant);
        assertTrue(text.contains("le label LBL-2026-000731") && text.contains("2 avril 2029"), text);
        assertTrue(text.contains("/my/labels"), "links to the page where the practitioner acts: " + text);
        assertTrue(html.contains("<html lang=\"fr\">") && html.contains("href=\"http"), html);
        for (String part : List.of(text, html)) {
            assertFalse(part.contains("MENTAL_HEALTH") || part.contains("anté mentale"), "no lived-experience domain");
            assertFalse(part.contains("Durand") || part.contains("confidential"), "no other data, no reason");
        }
        assertTrue(grant.getMessageID().endsWith("@pairaidance>"), "a Message-ID stable across attempts");
        assertEquals("Votre label arrive à échéance", mails.get(1).getSubject());
    }

    @Test
    void aPractitionerChoosesTheLanguageAndTurnsOffWhatMayBeTurnedOff() throws Exception {
        String subject = "mail-" + UUID.randomUUID();
        String me = Tokens.practitioner(subject, Fixtures.emailOf(subject));
        String id = Fixtures.selfRegistered(subject);
        browser(me).get("/me/mails").then().statusCode(200)
                .body(containsString("Les courriels toujours envoyés"), containsString("Le label suspendu"),
                        containsString("name=\"kind\" value=\"REQUEST_RECEIVED\" checked"));

        // Every optional kind unticked, English chosen; a mandatory kind posted as unticked stays on.
        String csrf = browser(me).get("/me/mails").cookie("csrf_registry");
        browser(me).contentType("application/x-www-form-urlencoded").cookie("csrf_registry", csrf)
                .formParam("csrf-token", csrf).formParam("language", "en").formParam("kind", "LABEL_EXPIRED")
                .post("/me/mails").then().statusCode(303).header("Location", endsWith("/me/mails?saved=1"));
        browser(me).cookie("pairaidance_lang", "en").get("/me/mails?saved=1").then().statusCode(200)
                .body(containsString("Your email choices are saved"),
                        containsString("name=\"language\" value=\"en\" checked"),
                        containsString("name=\"kind\" value=\"LABEL_EXPIRED\" checked"),
                        containsString("name=\"kind\" value=\"REQUEST_RECEIVED\">"));

        String request = KafkaTestClient.send("orientation.request", UUID.randomUUID().toString(),
                "fr.pairaidance.orientation.request.requested.v1", """
                {"schemaVersion":1,"requestId":"%s","practitionerId":"%s","registryNumber":"PA-2026-000001",
                 "status":"PENDING","area":"ze:8421","createdAt":"%s","expiresAt":"2030-01-15T10:00:00Z","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), id, Instant.now(), Instant.now()));
        KafkaTestClient.send("labelling.label", id, LABEL + "suspended.v1", label(id, "SUSPENDED", "confidential"));
        await().atMost(WAIT).until(() -> !MailTestResource.mailsTo(Fixtures.emailOf(subject)).isEmpty());
        await().atMost(WAIT).until(() -> consumed(request));

        List<MimeMessage> mails = MailTestResource.mailsTo(Fixtures.emailOf(subject));
        assertEquals(1, mails.size(), "the request turned off sent nothing; the suspension, which may not be, did");
        assertEquals("Your label is suspended", mails.get(0).getSubject());
        assertTrue(MailTestResource.html(mails.get(0)).contains("<html lang=\"en\">"));
        assertFalse(MailTestResource.text(mails.get(0)).contains("confidential"), "the reason stays on the page");
    }

    @Test
    void mailsWaitOutAnSmtpOutageAndAreSentOnceItEnds() throws Exception {
        String subject = "mail-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        MailTestResource.outage();
        try {
            KafkaTestClient.send("labelling.label", id, LABEL + "granted.v1", label(id, "ACTIVE", null));
            await().atMost(WAIT).until(() -> attemptsFor(id) >= 2);
        } finally {
            MailTestResource.recover();
        }
        await().atMost(WAIT).until(() -> !MailTestResource.mailsTo(Fixtures.emailOf(subject)).isEmpty());
        await().atMost(WAIT).until(() -> sentFor(id));
        assertEquals(1, MailTestResource.mailsTo(Fixtures.emailOf(subject)).size());
    }

    @Test
    void aMailWhoseSenderDiedDuringTheHandOverIsSentAgainAndCountedInDoubt() throws Exception {
        String subject = "mail-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        MailTestResource.outage();
        try {
            KafkaTestClient.send("labelling.label", id, LABEL + "granted.v1", label(id, "ACTIVE", null));
            await().atMost(WAIT).until(() -> attemptsFor(id) >= 1);
            // What a sender killed after the SMTP server took the mail leaves behind: its attempt row. The row
            // lock waits for the running attempt, whose outcome would otherwise delete the row.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into mail_attempt (mail_id, started_at)
                    select id, now() from mail_message where owner = ?1 and sent_at is null for update""")
                    .setParameter(1, id).executeUpdate());
        } finally {
            MailTestResource.recover();
        }
        await().atMost(WAIT).until(() -> sentFor(id));
        assertEquals(1, MailTestResource.mailsTo(Fixtures.emailOf(subject)).size(), "sent once by this sender");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, ((Number) em.createNativeQuery(
                    "select attempts_in_doubt from mail_message where owner = ?1")
                    .setParameter(1, id).getSingleResult()).intValue(), "the interrupted attempt is counted");
            assertEquals(0, ((Number) em.createNativeQuery("select count(*) from mail_attempt a "
                    + "join mail_message m on m.id = a.mail_id where m.owner = ?1")
                    .setParameter(1, id).getSingleResult()).intValue(), "no attempt is left open");
        });
    }

    @Test
    void aWithdrawnPractitionerGetsNothingAndTheirQueuedMailsAreErased() {
        String subject = "mail-" + UUID.randomUUID();
        String id = Fixtures.selfRegistered(subject);
        given().header("Authorization", Fixtures.AGENT).post("/api/v1/practitioners/" + id + "/withdrawal")
                .then().statusCode(200);
        String event = KafkaTestClient.send("labelling.label", id, LABEL + "revoked.v1", label(id, "REVOKED", null));
        await().atMost(WAIT).until(() -> consumed(event));
        assertTrue(MailTestResource.mailsTo(Fixtures.emailOf(subject)).isEmpty());
    }

    @Test
    void theMailSettingsAreThePractitionersOwn() {
        given().accept("text/html").redirects().follow(false).get("/me/mails").then().statusCode(303)
                .header("Location", endsWith("/sign-in?return=%2Fme%2Fmails"));
        browser(Fixtures.AGENT).get("/me/mails").then().statusCode(403);
        browser(Fixtures.EMPLOYER).get("/me/mails").then().statusCode(403);
        browser(Tokens.bearer("nobody-" + UUID.randomUUID(), "practitioner")).get("/me/mails").then().statusCode(404);
        // Without the CSRF token nothing is saved.
        String subject = "mail-" + UUID.randomUUID();
        Fixtures.selfRegistered(subject);
        browser(Tokens.practitioner(subject, Fixtures.emailOf(subject))).contentType("application/x-www-form-urlencoded")
                .formParam("language", "en").post("/me/mails").then().statusCode(400);
    }

    private static RequestSpecification browser(String token) {
        return given().accept("text/html").redirects().follow(false).header("Authorization", token);
    }

    private static String label(String practitionerId, String state, String reason) {
        return """
                {"schemaVersion":1,"labelId":"%s","labelNumber":"LBL-2026-000731","practitionerId":"%s",
                 "registryNumber":"PA-2026-000042","state":"%s",
                 "scope":{"domains":["MENTAL_HEALTH"],"appellations":["PAIR_AIDANT"]},
                 "grantedAt":"2026-04-02T09:00:00Z","expiresOn":"2029-04-02","suspendedUntil":null,
                 "reason":%s,"occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), practitionerId, state, reason == null ? "null" : "\"" + reason + "\"",
                        Instant.now());
    }

    private boolean consumed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_message where consumer = 'registry-mail' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 1);
    }

    private int attemptsFor(String practitionerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(attempts), 0) from mail_message where owner = ?1 and sent_at is null")
                .setParameter(1, practitionerId).getSingleResult()).intValue());
    }

    private boolean sentFor(String practitionerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from mail_message where owner = ?1 and sent_at is not null and recipient is null")
                .setParameter(1, practitionerId).getSingleResult()).intValue() == 1);
    }
}
