package fr.pairaidance.platform.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Secrets and signatures of Standard Webhooks: a secret is {@code whsec_} and the base64 of 32 random
 * bytes; the {@code webhook-signature} header holds one {@code v1,<base64 HMAC-SHA256>} per secret in
 * use, space-separated (two during a rotation's overlap), over {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new random secret, shown to the subscriber once. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The value of the {@code webhook-signature} header.
     *
     * @param secrets the current secret first, then the previous one while it is still valid
     * @param timestamp the {@code webhook-timestamp} header, in seconds since the epoch
     */
    public static String signature(List<String> secrets, String messageId, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, messageId, timestamp, body)).collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestamp, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
