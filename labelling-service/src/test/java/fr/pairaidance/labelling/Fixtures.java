package fr.pairaidance.labelling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.Tokens;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.spi.CDI;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests, tokens and registry events the labelling tests share. */
final class Fixtures {

    static final String AGENT = Tokens.bearer("agent-1", "registry-agent");
    static final String REGULATOR = Tokens.bearer("regulator-a", "regulator");
    static final String OTHER_REGULATOR = Tokens.bearer("regulator-b", "regulator");
    static final String EMPLOYER = Tokens.bearer("employer-1", "employer");
    static final String REGISTRY_TOPIC = "registry.practitioner";
    static final String CORE_COMPLETED = "fr.pairaidance.registry.practitioner.core-completed.v1";
    static final String REGISTERED = "fr.pairaidance.registry.practitioner.registered.v1";
    static final String UPDATED = "fr.pairaidance.registry.practitioner.updated.v1";
    static final String WITHDRAWN = "fr.pairaidance.registry.practitioner.withdrawn.v1";
    static final Map<String, Object> SCOPE = Map.of("domains", List.of("MENTAL_HEALTH"),
            "appellations", List.of("PAIR_AIDANT"));

    private Fixtures() {
    }

    /** A practitioner known to this service through a registry event. */
    record Practitioner(String id, String subject, String registryNumber) {
        String token() {
            return Tokens.bearer(subject, "practitioner");
        }
    }

    static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", token);
    }

    static String registryEvent(Practitioner p, String status, boolean coreComplete, String publicName,
            Instant occurredAt) {
        return registryEvent(p, status, coreComplete, publicName, false, occurredAt);
    }

    /** With {@code domainsPublished}, the practitioner consented to publish their lived-experience domains. */
    static String registryEvent(Practitioner p, String status, boolean coreComplete, String publicName,
            boolean domainsPublished, Instant occurredAt) {
        // One producer: a later event has a later time and a higher version (here its time in microseconds).
        return registryEvent(p, status, coreComplete, publicName, domainsPublished, occurredAt,
                occurredAt.getEpochSecond() * 1_000_000 + occurredAt.getNano() / 1000);
    }

    /** With a version of its own: a producer whose clock differs from another's. */
    static String registryEvent(Practitioner p, String status, boolean coreComplete, String publicName,
            boolean domainsPublished, Instant occurredAt, long version) {
        String subject = p.subject() == null || "WITHDRAWN".equals(status) ? "null" : "\"" + p.subject() + "\"";
        String name = publicName == null ? "null" : "\"" + publicName + "\"";
        // With the organisation the registry publishes with its own consent, which this service does not read.
        String publication = domainsPublished
                ? "{\"listed\":true,\"consentVersion\":1,\"domains\":[\"MENTAL_HEALTH\"],\"languages\":[\"fr\"],"
                        + "\"organisation\":{\"siret\":\"73282932000074\"}}"
                : "{\"listed\":true,\"consentVersion\":1,\"languages\":[\"fr\"],"
                        + "\"organisation\":{\"employerName\":\"Association Entraide\"}}";
        return """
                {"schemaVersion":1,"practitionerId":"%s","registryNumber":"%s","subject":%s,"status":"%s",
                 "coreComplete":%s,"coreCompletedAt":null,"publicName":%s,"zoneCode":"8421","departmentCode":"69",
                 "regionCode":"84","modes":["SELF_EMPLOYED"],"remote":true,"publication":%s,"moduleCodes":["CORE-2C"],
                 "version":%d,"occurredAt":"%s"}
                """.formatted(p.id(), p.registryNumber(), subject, status, coreComplete, name, publication, version,
                occurredAt);
    }

    static Practitioner newPractitioner() {
        String id = UUID.randomUUID().toString();
        return new Practitioner(id, "sub-" + id, "PA-2026-" + String.format("%06d", Math.abs(id.hashCode() % 1_000_000)));
    }

    /** Sends the event and waits until this service has applied it (its time is the last seen). */
    static void feed(Practitioner p, String type, String status, boolean coreComplete, String publicName) {
        feed(p, type, status, coreComplete, publicName, false);
    }

    static void feed(Practitioner p, String type, String status, boolean coreComplete, String publicName,
            boolean domainsPublished) {
        Instant at = Instant.now();
        KafkaTestClient.send(REGISTRY_TOPIC, p.id(), type,
                registryEvent(p, status, coreComplete, publicName, domainsPublished, at));
        awaitApplied(p, at);
    }

    static void awaitApplied(Practitioner p, Instant at) {
        Instant micros = at.minusNanos(at.getNano() % 1000);
        Db db = CDI.current().select(Db.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.eligibility(p.id())
                .map(e -> e.lastEventAt != null && !e.lastEventAt.isBefore(micros)).orElse(false));
    }

    /** A practitioner of the register, ACTIVE with the common core complete. */
    static Practitioner eligible() {
        Practitioner p = newPractitioner();
        feed(p, CORE_COMPLETED, "ACTIVE", true, "Camille D.");
        return p;
    }

    static ValidatableResponse apply(String token, String practitionerId) {
        Map<String, Object> body = practitionerId == null ? Map.of("scope", SCOPE)
                : Map.of("practitionerId", practitionerId, "scope", SCOPE);
        return as(token).body(body).post("/api/v1/applications").then();
    }

    static String etag(Response response) {
        return response.header("ETag");
    }

    static String applicationEtag(String id) {
        return as(REGULATOR).get("/api/v1/applications/" + id).then().statusCode(200).extract().header("ETag");
    }

    static String labelEtag(String number) {
        return as(REGULATOR).get("/api/v1/labels/" + number).then().statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse post(String token, String path, Object body, String ifMatch) {
        RequestSpecification spec = as(token);
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(path).then();
    }

    /** Submitted by an agent for an eligible practitioner; returns the application id. */
    static String submitted(Practitioner p) {
        return apply(AGENT, p.id()).statusCode(201).extract().path("id");
    }

    static void assign(String token, String applicationId) {
        post(token, "/api/v1/applications/" + applicationId + "/assignment", null, applicationEtag(applicationId))
                .statusCode(200);
    }

    static ValidatableResponse grant(String token, String applicationId) {
        return post(token, "/api/v1/applications/" + applicationId + "/grant",
                Map.of("reason", "Common core and supervised practice verified", "scope", SCOPE),
                applicationEtag(applicationId));
    }

    static ValidatableResponse refuse(String token, String applicationId) {
        return post(token, "/api/v1/applications/" + applicationId + "/refusal",
                Map.of("reason", "Supervised practice not evidenced"), applicationEtag(applicationId));
    }

    /** A new label of a new eligible practitioner; returns its number. */
    static String labelOf(Practitioner p) {
        String id = submitted(p);
        assign(REGULATOR, id);
        return grant(REGULATOR, id).statusCode(200).extract().path("labelNumber");
    }

    static ValidatableResponse decide(String number, String action, Map<String, Object> body) {
        return post(REGULATOR, "/api/v1/labels/" + number + "/" + action, body, labelEtag(number));
    }

    static Map<String, Object> reason(String text) {
        return Map.of("reason", text);
    }

    static List<KafkaTestClient.Event> eventsOf(String topic, String key) {
        return KafkaTestClient.readAll(topic).stream().filter(e -> key.equals(e.key())).toList();
    }
}
