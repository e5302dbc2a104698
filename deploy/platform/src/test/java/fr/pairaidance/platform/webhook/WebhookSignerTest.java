package fr.pairaidance.platform.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures our signer writes verify with the Standard Webhooks library, during a rotation too. */
class WebhookSignerTest {

    private static final String BODY = "{\"type\":\"fr.pairaidance.labelling.label.suspended.v1\",\"timestamp\":"
            + "\"2026-04-02T09:00:00Z\",\"data\":{\"labelNumber\":\"LBL-2026-000731\",\"state\":\"SUSPENDED\"}}";

    @Test
    void secretsAreWhsecAndTheBase64OfAtLeast24RandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertTrue(Base64.getDecoder().decode(secret.substring(6)).length >= 24);
        assertNotEquals(secret, WebhookSigner.newSecret());
    }

    @Test
    void aSignedMessageVerifiesWithTheCurrentSecret() {
        String secret = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signature(List.of(secret), "evt-1", now, BODY);
        assertTrue(signature.startsWith("v1,"), signature);
        assertDoesNotThrow(() -> new Webhook(secret).verify(BODY, headers("evt-1", now, signature)));
        // Another secret, another id or a changed body do not verify.
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(WebhookSigner.newSecret()).verify(BODY, headers("evt-1", now, signature)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(secret).verify(BODY, headers("evt-2", now, signature)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(secret).verify(BODY.replace("SUSPENDED", "ACTIVE"), headers("evt-1", now, signature)));
    }

    @Test
    void duringARotationOverlapTheMessageCarriesTwoSignaturesAndVerifiesWithEitherSecret() {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.secret = WebhookSigner.newSecret();
        subscription.previousSecret = WebhookSigner.newSecret();
        Instant now = Instant.now();
        subscription.previousSecretExpiresAt = now.plus(Duration.ofHours(24));
        List<String> secrets = subscription.signingSecrets(now);
        assertEquals(List.of(subscription.secret, subscription.previousSecret), secrets);

        String signature = WebhookSigner.signature(secrets, "evt-1", now.getEpochSecond(), BODY);
        assertEquals(2, signature.split(" ").length, signature);
        Map<String, List<String>> headers = headers("evt-1", now.getEpochSecond(), signature);
        assertDoesNotThrow(() -> new Webhook(subscription.secret).verify(BODY, headers));
        assertDoesNotThrow(() -> new Webhook(subscription.previousSecret).verify(BODY, headers));

        // Once the overlap has passed, only the current secret signs.
        List<String> after = subscription.signingSecrets(now.plus(Duration.ofHours(25)));
        assertEquals(List.of(subscription.secret), after);
        String later = WebhookSigner.signature(after, "evt-1", now.getEpochSecond(), BODY);
        assertThrows(WebhookVerificationException.class, () -> new Webhook(subscription.previousSecret)
                .verify(BODY, headers("evt-1", now.getEpochSecond(), later)));
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
