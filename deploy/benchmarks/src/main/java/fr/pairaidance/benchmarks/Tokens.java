package fr.pairaidance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Tokens from the local Keycloak (realm pairaidance): the agency's client credentials (registry-agent),
 * a regulator's password grant, practitioners' password grants; and practitioner accounts created in
 * bulk through the admin REST API ({@code partialImport}).
 */
final class Tokens {

    static final String REALM = "pairaidance";
    /** The password of every synthetic practitioner account. */
    static final String PASSWORD = "bench-password";

    private final String keycloakUrl;
    private volatile String agent;
    private volatile long agentAt;
    private volatile String regulator;
    private volatile long regulatorAt;

    Tokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    private String tokenUrl(String realm) {
        return keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** The agencies' service account (registry-agent), renewed every 10 minutes. */
    synchronized String agent() {
        if (agent == null || System.currentTimeMillis() - agentAt > 600_000) {
            agent = token(Map.of("grant_type", "client_credentials", "client_id", "pairaidance-agency",
                    "client_secret", "agency-secret"));
            agentAt = System.currentTimeMillis();
        }
        return agent;
    }

    /** The demo regulator regine, renewed every 10 minutes. */
    synchronized String regulator() {
        if (regulator == null || System.currentTimeMillis() - regulatorAt > 600_000) {
            regulator = password("regine", "regine");
            regulatorAt = System.currentTimeMillis();
        }
        return regulator;
    }

    String password(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", "pairaidance-cli", "username", username,
                "password", password, "scope", "openid"));
    }

    private String token(Map<String, String> form) {
        Http.Reply reply = Http.postForm(tokenUrl(REALM), form).require("Keycloak token for " + form.get("client_id"));
        return reply.json().get("access_token").asText();
    }

    private String admin() {
        Http.Reply reply = Http.postForm(tokenUrl("master"), Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin")).require("Keycloak admin token");
        return reply.json().get("access_token").asText();
    }

    /**
     * Creates practitioner accounts (role practitioner, verified email) in one partialImport call. The
     * password is stored pre-hashed (PBKDF2-SHA256, 1 000 iterations) so that creating tens of thousands
     * of accounts does not cost a full password hash each; see {@link #cheapPasswordHashing()} for their sign-ins.
     */
    void createPractitionerAccounts(List<String[]> usernameAndEmail) {
        List<Map<String, Object>> users = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (String[] u : usernameAndEmail) {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", u[0]);
            user.put("enabled", true);
            user.put("email", u[1]);
            user.put("emailVerified", true);
            user.put("firstName", "Bench");
            user.put("lastName", "Practitioner");
            user.put("realmRoles", List.of("default-roles-pairaidance", "practitioner"));
            user.put("credentials", List.of(Map.of("type", "password",
                    "secretData", Http.write(Map.of("value", pbkdf2(salt), "salt",
                            Base64.getEncoder().encodeToString(salt), "additionalParameters", Map.of())),
                    "credentialData", Http.write(Map.of("hashIterations", ITERATIONS, "algorithm", "pbkdf2-sha256",
                            "additionalParameters", Map.of())))));
            users.add(user);
        }
        Http.Reply reply = Http.send("POST", keycloakUrl + "/admin/realms/" + REALM + "/partialImport", admin(),
                "application/json", Http.write(Map.of("ifResourceExists", "SKIP", "users", users)), Map.of())
                .require("Keycloak partialImport of " + users.size() + " users");
        JsonNode result = reply.json();
        if (result.path("added").asInt() + result.path("skipped").asInt() != users.size()) {
            throw new IllegalStateException("Keycloak partialImport: " + Http.abbreviate(reply.body()));
        }
    }

    private static final int ITERATIONS = 1000;
    private static final String LOAD_POLICY = "hashAlgorithm(pbkdf2-sha256) and hashIterations(" + ITERATIONS + ")";

    /**
     * Until closed, the local realm's password policy is that of the synthetic accounts (PBKDF2, 1 000
     * iterations), so that their sign-ins verify the stored hash and no more: with Keycloak's default
     * policy (Argon2) every first sign-in re-hashed the password, ~2–4 s each on 2 shared cores, which
     * capped the published listing at ~1 600. What the harness measures is the services, not Keycloak's
     * password hashing. The previous policy is put back when closed.
     */
    AutoCloseable cheapPasswordHashing() {
        String realmUrl = keycloakUrl + "/admin/realms/" + REALM;
        String previous = Http.get(realmUrl, admin()).require("Keycloak realm").json().path("passwordPolicy").asText("");
        setPasswordPolicy(realmUrl, LOAD_POLICY);
        return () -> setPasswordPolicy(realmUrl, previous);
    }

    private void setPasswordPolicy(String realmUrl, String policy) {
        Http.send("PUT", realmUrl, admin(), "application/json", Http.write(Map.of("passwordPolicy", policy)), Map.of())
                .require("Keycloak password policy");
    }

    private static String pbkdf2(byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), salt, ITERATIONS, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
