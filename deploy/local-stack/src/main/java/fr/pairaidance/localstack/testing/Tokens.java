package fr.pairaidance.localstack.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}), signed with the
 * key of Quarkus's OIDC test server ({@code OidcWiremockTestResource}).
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "pairaidance-api";

    private Tokens() {
    }

    /** A token of the subject with these realm roles. */
    public static String of(String subject, String... roles) {
        return claims(subject, roles).sign("privateKey.jwk");
    }

    public static String bearer(String subject, String... roles) {
        return "Bearer " + of(subject, roles);
    }

    /** A practitioner's account whose email Keycloak has verified, as its token says. */
    public static String practitioner(String subject, String verifiedEmail) {
        return "Bearer " + claims(subject, "practitioner").claim("email", verifiedEmail).claim("email_verified", true)
                .sign("privateKey.jwk");
    }

    /** An employer's account whose email Keycloak has verified, as its token says. */
    public static String employer(String subject, String verifiedEmail) {
        return "Bearer " + claims(subject, "employer").claim("email", verifiedEmail).claim("email_verified", true)
                .sign("privateKey.jwk");
    }

    private static JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofHours(1));
    }
}
