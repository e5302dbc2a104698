package fr.pairaidance.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens issued by the running Keycloak (realm pairaidance), as clients get them: kept and
 * reused, and taken again well before they expire (the realm issues them for 30 minutes).
 */
final class KeycloakTokens {

    private static final Duration REUSE = Duration.ofMinutes(20);

    private record Issued(String token, long atNanos) {
        boolean fresh() {
            return System.nanoTime() - atNanos < REUSE.toNanos();
        }
    }

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    private static String tokenUrl() {
        return SystemUnderTest.get().keycloakUrl() + "/realms/pairaidance/protocol/openid-connect/token";
    }

    private static String cached(String key, Supplier<String> issue) {
        return CACHE.compute(key, (k, held) -> held != null && held.fresh() ? held
                : new Issued(issue.get(), System.nanoTime())).token();
    }

    /** A demo user's token (password grant on the local CLI client; the password is the user name). */
    static String user(String username) {
        return cached("user:" + username, () -> given().formParam("grant_type", "password")
                .formParam("client_id", "pairaidance-cli").formParam("username", username)
                .formParam("password", username).post(tokenUrl())
                .then().statusCode(200).extract().path("access_token"));
    }

    /** The agencies' REST client (client credentials). */
    static String agency() {
        return cached("client:agency", () -> given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "pairaidance-agency").formParam("client_secret", "agency-secret")
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token"));
    }

    /** A job portal's client (client credentials). */
    static String jobPortal() {
        return cached("client:portal", () -> given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "pairaidance-job-portal").formParam("client_secret", "portal-secret")
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token"));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
