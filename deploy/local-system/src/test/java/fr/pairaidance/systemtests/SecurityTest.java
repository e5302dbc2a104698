package fr.pairaidance.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Intruders: the authorization matrix checked cell by cell, and tokens that must be refused. */
@ExtendWith(SystemUnderTest.Extension.class)
@org.junit.jupiter.api.Order(2)
class SecurityTest {

    private static final List<String> ROLES = List.of("anonymous", "registry-agent", "practitioner", "regulator",
            "employer", "job-portal");
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

    @BeforeAll
    static void tokensAndFixtures() {
        TOKENS.put("registry-agent", KeycloakTokens.agency());
        TOKENS.put("practitioner", KeycloakTokens.user("dominique"));
        TOKENS.put("regulator", KeycloakTokens.user("raphael"));
        TOKENS.put("employer", KeycloakTokens.user("eric"));
        TOKENS.put("job-portal", KeycloakTokens.jobPortal());
        Map<String, Object> fixture = Api.registration("Fixture", "75056", "BEREAVEMENT", "PAIR_AIDANT", "PEER_GROUP");
        String practitionerId = Api.registry(KeycloakTokens.agency()).body(fixture)
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        PLACEHOLDERS.put("{practitionerId}", practitionerId);
        PLACEHOLDERS.put("{labelNumber}", "LBL-2026-999999");
        PLACEHOLDERS.put("{randomId}", UUID.randomUUID().toString());
    }

    record Cell(String service, String method, String path, String role, String expected) {
    }

    private static List<Cell> matrix() throws Exception {
        List<Cell> cells = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                SecurityTest.class.getResourceAsStream("/authorization-matrix.csv")), StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).toList();
            for (String line : lines) {
                String[] f = line.split(",");
                for (int i = 0; i < ROLES.size(); i++) {
                    cells.add(new Cell(f[0], f[1], f[2], ROLES.get(i), f[3 + i]));
                }
            }
        }
        return cells;
    }

    @Test
    void everyCellOfTheAuthorizationMatrixHolds() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Cell> cells = matrix();
        for (Cell cell : cells) {
            String path = cell.path();
            for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
                path = path.replace(p.getKey(), p.getValue());
            }
            // A well-formed request of the endpoint's media type, with an empty or minimal body.
            var request = path.endsWith("/imports")
                    ? given().baseUri(SystemUnderTest.get().serviceUrl(cell.service())).contentType("text/csv")
                            .body("given_name\n")
                    : given().baseUri(SystemUnderTest.get().serviceUrl(cell.service())).urlEncodingEnabled(false)
                            .contentType(ContentType.JSON).body("{}");
            if (!cell.role().equals("anonymous")) {
                request.header("Authorization", "Bearer " + TOKENS.get(cell.role()));
            }
            io.restassured.response.Response response = request.request(cell.method(), path);
            int status = response.statusCode();
            // Let through means the endpoint itself answered: not a refusal, not a failure, and not the
            // 404 or 405 of an address or method that no endpoint serves (a typo in the matrix).
            boolean routed = status != 405 && !(status == 404
                    && "no resource at this address".equals(response.jsonPath().getString("detail")));
            boolean holds = switch (cell.expected()) {
                case "ok" -> status != 401 && status != 403 && status < 500 && routed;
                default -> status == Integer.parseInt(cell.expected());
            };
            if (!holds) {
                wrong.add(cell + " answered " + status);
            }
        }
        System.out.printf("Authorization matrix: %d cells checked, %d wrong%n", cells.size(), wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static int statusWith(String token) {
        return Api.registry(null).header("Authorization", "Bearer " + token).get("/api/v1/practitioners").statusCode();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String payloadOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void forgedTamperedAndForeignTokensAre401() {
        String real = KeycloakTokens.agency();
        assertEquals(200, statusWith(real));
        String[] parts = real.split("\\.");
        // Unsigned: the same claims with alg none and no signature.
        assertEquals(401, statusWith(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."));
        // Signature tampered.
        char last = parts[2].charAt(5);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 5) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(6);
        assertEquals(401, statusWith(tampered));
        // Claims changed (roles raised) under the original signature.
        String raised = payloadOf(real).replace("registry-agent", "regulator");
        assertEquals(401, statusWith(parts[0] + "." + b64(raised) + "." + parts[2]));
        // From another realm (master): another issuer and another key.
        String master = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(SystemUnderTest.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        assertEquals(401, statusWith(master));
        // Right realm, wrong audience: a token of the realm's admin-cli client carries no pairaidance-api audience.
        String adminCli = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "agent").formParam("password", "agent")
                .post(SystemUnderTest.get().keycloakUrl() + "/realms/pairaidance/protocol/openid-connect/token")
                .then().extract().path("access_token");
        if (adminCli != null) {
            assertTrue(!payloadOf(adminCli).contains("pairaidance-api"));
            assertEquals(401, statusWith(adminCli));
        }
    }

    @Test
    void anExpiredTokenIs401() {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(SystemUnderTest.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        // A client of the realm whose tokens live 2 seconds.
        String clientId = "short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "secret", "short-secret", "publicClient", false,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                        "attributes", Map.of("access.token.lifespan", "2"),
                        "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                                "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                        "included.custom.audience", "pairaidance-api", "access.token.claim", "true")))))
                .post(SystemUnderTest.get().keycloakUrl() + "/admin/realms/pairaidance/clients").then().statusCode(201);
        String token = given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", "short-secret")
                .post(SystemUnderTest.get().keycloakUrl() + "/realms/pairaidance/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        // While valid it is authenticated (no role: 403); once expired, 401.
        assertEquals(403, statusWith(token));
        long exp = Long.parseLong(payloadOf(token).replaceAll(".*\"exp\":(\\d+).*", "$1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> System.currentTimeMillis() / 1000 > exp + 1);
        assertEquals(401, statusWith(token));
    }

    @Test
    void unauthenticatedAnswersAreProblems() {
        Response r = Api.labelling(null).get("/api/v1/labels/mine");
        assertEquals(401, r.statusCode());
        assertEquals("application/problem+json", r.contentType().split(";")[0]);
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
        String body = r.asString();
        assertTrue(List.of("type", "title", "status").stream().allMatch(body::contains),
                () -> "problem fields missing: " + body);
    }
}
