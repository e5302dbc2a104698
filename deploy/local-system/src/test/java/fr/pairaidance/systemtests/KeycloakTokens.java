package fr.pairaidance.systemtests;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by the running Keycloak (realm pairaidance), as clients get them. */
final class KeycloakTokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    private static String tokenUrl() {
        return SystemUnderTest.get().keycloakUrl() + "/realms/pairaidance/protocol/openid-connect/token";
    }

    /** A demo user's token (password grant on the local CLI client; the password is the user name). */
    static String user(String username) {
        return CACHE.computeIfAbsent("user:" + username, k -> given().formParam("grant_type", "password")
                .formParam("client_id", "pairaidance-cli").formParam("username", username)
                .formParam("password", username).post(tokenUrl())
                .then().statusCode(200).extract().path("access_token"));
    }

    /** The agencies' REST client (client credentials). */
    static String agency() {
        return CACHE.computeIfAbsent("client:agency", k -> given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "pairaidance-agency").formParam("client_secret", "agency-secret")
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token"));
    }

    /** A job portal's client (client credentials). */
    static String jobPortal() {
        return CACHE.computeIfAbsent("client:portal", k -> given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "pairaidance-job-portal").formParam("client_secret", "portal-secret")
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token"));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
