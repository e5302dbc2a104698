package fr.pairaidance.orientation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.localstack.testing.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Produces registry and label events as registry-service and labelling-service do (deploy/docs/events.md). */
final class Feed {

    static final String REGISTRY = "registry.practitioner";
    static final String LABEL = "labelling.label";
    static final String REGISTERED = "fr.pairaidance.registry.practitioner.registered.v1";
    static final String UPDATED = "fr.pairaidance.registry.practitioner.updated.v1";
    static final String CONSENTS_CHANGED = "fr.pairaidance.registry.practitioner.consents-changed.v1";
    static final String WITHDRAWN = "fr.pairaidance.registry.practitioner.withdrawn.v1";
    static final String ERASED = "fr.pairaidance.registry.practitioner.erased.v1";
    static final String LABEL_PREFIX = "fr.pairaidance.labelling.label.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final AtomicLong SIRETS = new AtomicLong(7328293200000L);
    /** Event times strictly increase, as one producer's would. */
    private static final AtomicLong TIME = new AtomicLong(Instant.parse("2026-04-01T00:00:00Z").toEpochMilli());

    private Feed() {
    }

    /** A practitioner as the registry publishes them; fields are changed by the tests before sending. */
    static final class P {
        final UUID id = UUID.randomUUID();
        final String registryNumber;
        final String labelNumber;
        String subject = "practitioner-" + UUID.randomUUID();
        String publicName = "Camille D.";
        String commune = "69123";
        String zone = "8421";
        String department = "69";
        String region = "84";
        List<String> domains = List.of("MENTAL_HEALTH");
        List<String> appellations = List.of("PAIR_AIDANT");
        List<String> modes = List.of("SELF_EMPLOYED");
        List<String> formats = List.of("ONE_TO_ONE", "PEER_GROUP");
        List<String> languages = List.of("fr");
        boolean remote;
        boolean listed = true;
        boolean publishDomains = true;
        boolean publishContact = true;
        /** Published only with {@link #publishOrganisation}, as the registry does: SIRET when self-employed. */
        String siret;
        /** Published only with {@link #publishOrganisation}, as the registry does: employer when salaried. */
        String employerName;
        boolean publishOrganisation = true;
        String email = "camille." + UUID.randomUUID() + "@example.org";
        String phone = "+33612345678";

        P() {
            int n = NUMBERS.incrementAndGet();
            registryNumber = String.format("PA-2026-%06d", n);
            labelNumber = String.format("LBL-2026-%06d", n);
        }

        P in(String commune, String zone, String department, String region) {
            this.commune = commune;
            this.zone = zone;
            this.department = department;
            this.region = region;
            return this;
        }

        P speaking(String... languages) {
            this.languages = List.of(languages);
            return this;
        }

        P remote() {
            this.remote = true;
            return this;
        }

        P domains(String... domains) {
            this.domains = List.of(domains);
            return this;
        }

        P selfEmployed(String siret) {
            this.modes = List.of("SELF_EMPLOYED");
            this.siret = siret;
            return this;
        }

        P salaried(String employerName) {
            this.modes = List.of("SALARIED");
            this.employerName = employerName;
            return this;
        }
    }

    static P lyon(String language) {
        return new P().speaking("fr", language);
    }

    /** In Bordeaux, where no test counts practitioners. */
    static P bordeaux(String language) {
        return new P().in("33063", "7505", "33", "75").speaking(language);
    }

    /** In Marseille, where no test counts practitioners. */
    static P marseille(String language) {
        return new P().in("13055", "9312", "13", "93").speaking(language);
    }

    /** A SIRET no other practitioner of the tests has (14 digits, Luhn checksum). */
    static String siret() {
        String body = Long.toString(SIRETS.incrementAndGet());
        int sum = 0;
        for (int i = body.length() - 1, doubled = 1; i >= 0; i--, doubled ^= 1) {
            int digit = (body.charAt(i) - '0') * (doubled + 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    static Instant nextTime() {
        return Instant.ofEpochMilli(TIME.addAndGet(1000));
    }

    /** The registry's event as one producer writes it: a later event has a later time and a higher version. */
    static String registryPayload(P p, Instant at) {
        return registryPayload(p, at, at.toEpochMilli());
    }

    /** The registry's event with a version of its own (a producer whose clock is behind another's). */
    static String registryPayload(P p, Instant at, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", 1);
        body.put("practitionerId", p.id.toString());
        body.put("registryNumber", p.registryNumber);
        body.put("subject", p.subject);
        body.put("status", "ACTIVE");
        body.put("coreComplete", true);
        body.put("coreCompletedAt", "2026-03-20T10:15:00Z");
        body.put("publicName", p.publicName);
        body.put("zoneCode", p.zone);
        body.put("departmentCode", p.department);
        body.put("regionCode", p.region);
        body.put("modes", p.modes);
        body.put("remote", p.remote);
        if (p.listed) {
            Map<String, Object> publication = new LinkedHashMap<>();
            publication.put("listed", true);
            publication.put("consentVersion", 1);
            publication.put("communeCode", p.commune);
            if (p.publishDomains) {
                publication.put("domains", p.domains);
            }
            publication.put("appellations", p.appellations);
            publication.put("formats", p.formats);
            publication.put("languages", p.languages);
            if (p.publishContact) {
                publication.put("contact", Map.of("email", p.email, "phone", p.phone));
            }
            if (p.publishOrganisation && (p.siret != null || p.employerName != null)) {
                Map<String, Object> organisation = new LinkedHashMap<>();
                if (p.siret != null) {
                    organisation.put("siret", p.siret);
                }
                if (p.employerName != null) {
                    organisation.put("employerName", p.employerName);
                }
                publication.put("organisation", organisation);
            }
            body.put("publication", publication);
        }
        body.put("moduleCodes", List.of("CORE-2C"));
        body.put("version", version);
        body.put("occurredAt", at.toString());
        return json(body);
    }

    static String labelPayload(P p, String state, Instant at) {
        return labelPayload(p, state, at, at.toEpochMilli());
    }

    static String labelPayload(P p, String state, Instant at, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", 1);
        body.put("labelId", UUID.nameUUIDFromBytes(p.labelNumber.getBytes()).toString());
        body.put("labelNumber", p.labelNumber);
        body.put("practitionerId", p.id.toString());
        body.put("registryNumber", p.registryNumber);
        body.put("state", state);
        body.put("scope", Map.of("domains", p.domains, "appellations", p.appellations));
        body.put("grantedAt", "2026-04-02T09:00:00Z");
        body.put("expiresOn", "2029-04-02");
        body.put("suspendedUntil", null);
        body.put("reason", null);
        body.put("version", version);
        body.put("occurredAt", at.toString());
        return json(body);
    }

    static String registry(P p, String type) {
        return KafkaTestClient.send(REGISTRY, p.id.toString(), type, registryPayload(p, nextTime()));
    }

    static String label(P p, String state, String typeSuffix) {
        return KafkaTestClient.send(LABEL, p.id.toString(), LABEL_PREFIX + typeSuffix, labelPayload(p, state, nextTime()));
    }

    /** The registry's withdrawal (no personal data) followed by its tombstone. */
    static void withdrawFromRegistry(P p) {
        Instant at = nextTime();
        KafkaTestClient.send(REGISTRY, p.id.toString(), WITHDRAWN, withdrawnPayload(p, at, at.toEpochMilli()));
        KafkaTestClient.send(REGISTRY, p.id.toString(), ERASED, null);
    }

    static String withdrawnPayload(P p, Instant at, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", 1);
        body.put("practitionerId", p.id.toString());
        body.put("registryNumber", p.registryNumber);
        body.put("status", "WITHDRAWN");
        body.put("coreComplete", true);
        body.put("coreCompletedAt", "2026-03-20T10:15:00Z");
        body.put("version", version);
        body.put("occurredAt", at.toString());
        return json(body);
    }

    /** Registered, consenting and labelled; waits until search shows them. */
    static P published(P p) {
        registry(p, CONSENTS_CHANGED);
        label(p, "ACTIVE", "granted.v1");
        awaitListed(p, true);
        return p;
    }

    static void awaitListed(P p, boolean listed) {
        await().atMost(Duration.ofSeconds(30)).until(() -> isListed(p) == listed);
    }

    static boolean isListed(P p) {
        List<String> numbers = given().queryParam("area", "ze:" + p.zone).queryParam("language", p.languages.get(p.languages.size() - 1))
                .queryParam("size", 50).get("/api/v1/practitioners").then().statusCode(200)
                .extract().path("items.registryNumber");
        return numbers.contains(p.registryNumber);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
