package fr.pairaidance.registry;

import static io.restassured.RestAssured.given;

import fr.pairaidance.localstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests and bodies the registry tests share. */
final class Fixtures {

    static final String AGENT = Tokens.bearer("agent-1", "registry-agent");
    static final String REGULATOR = Tokens.bearer("regulator-1", "regulator");
    static final String EMPLOYER = Tokens.bearer("employer-1", "employer");
    /** A valid SIRET (Luhn checksum holds). */
    static final String SIRET = "73282932000074";

    private Fixtures() {
    }

    static String uniqueEmail() {
        return "p-" + UUID.randomUUID() + "@example.org";
    }

    /** A valid registration body in Lyon (commune 69123), self-employed. */
    static Map<String, Object> practitioner(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", "Camille");
        body.put("familyName", "Durand");
        body.put("birthDate", "1985-04-12");
        body.put("email", email);
        body.put("phone", "+33612345678");
        body.put("communeCode", "69123");
        body.put("domains", List.of("MENTAL_HEALTH", "ADDICTION"));
        body.put("appellations", List.of("PAIR_AIDANT"));
        body.put("modes", List.of("SELF_EMPLOYED"));
        body.put("siret", SIRET);
        body.put("formats", List.of("ONE_TO_ONE", "PEER_GROUP"));
        body.put("languages", List.of("fr", "en"));
        body.put("remote", true);
        return body;
    }

    static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/practitioners").then();
    }

    /** Registers a practitioner as an agent and returns its id. */
    static String registered() {
        return register(AGENT, practitioner(uniqueEmail())).statusCode(201).extract().path("id");
    }

    /** Registers a practitioner who signs in as {@code subject}, with their account's email; returns its id. */
    static String selfRegistered(String subject) {
        return register(Tokens.practitioner(subject, emailOf(subject)), practitioner(emailOf(subject)))
                .statusCode(201).extract().path("id");
    }

    /** The verified email of the test account {@code subject}. */
    static String emailOf(String subject) {
        return subject + "@example.org";
    }

    static Map<String, Object> completion(String module) {
        return Map.of("moduleCode", module, "completedOn", "2026-03-20",
                "trainingBody", Map.of("name", "Institut pair-aidance", "siret", SIRET),
                "evidenceReference", "ATTEST-" + module, "delivery", "ON_SITE");
    }

    static Map<String, Object> consent(boolean all) {
        return Map.of("listed", all, "domains", all, "appellations", all, "formats", all, "languages", all,
                "commune", all, "contact", all, "organisation", all);
    }

    /** Sends the requests at the same moment (4 at a time) and returns their statuses, in order. */
    static List<Integer> concurrently(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : pool.invokeAll(requests)) {
                statuses.add(r.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
