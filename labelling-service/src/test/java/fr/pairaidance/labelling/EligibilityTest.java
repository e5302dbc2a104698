package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.AGENT;
import static fr.pairaidance.labelling.Fixtures.CORE_COMPLETED;
import static fr.pairaidance.labelling.Fixtures.REGISTERED;
import static fr.pairaidance.labelling.Fixtures.REGISTRY_TOPIC;
import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.UPDATED;
import static fr.pairaidance.labelling.Fixtures.WITHDRAWN;
import static fr.pairaidance.labelling.Fixtures.apply;
import static fr.pairaidance.labelling.Fixtures.as;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.eventsOf;
import static fr.pairaidance.labelling.Fixtures.feed;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static fr.pairaidance.labelling.Fixtures.newPractitioner;
import static fr.pairaidance.labelling.Fixtures.registryEvent;
import static fr.pairaidance.labelling.Fixtures.submitted;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.labelling.Fixtures.Practitioner;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Eligibility follows the registry's events: once each, poison records aside, withdrawal erases. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class EligibilityTest {

    @Inject
    Db db;

    @Test
    void anApplicationNeedsAKnownActivePractitionerWithTheCommonCore() {
        apply(AGENT, UUID.randomUUID().toString()).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("not-eligible")).body("errors.field", contains("practitionerId"));
        apply(Tokens.bearer("unlinked-" + UUID.randomUUID(), "practitioner"), null).statusCode(422)
                .body("errors.field", contains("practitionerId"));

        Practitioner p = newPractitioner();
        feed(p, REGISTERED, "ACTIVE", false, "Camille D.");
        apply(p.token(), null).statusCode(422).body("errors.field", contains("coreComplete"));
        feed(p, CORE_COMPLETED, "ACTIVE", true, "Camille D.");
        apply(p.token(), null).statusCode(201);
    }

    @Test
    void aWithdrawnPractitionerMayNotApply() {
        Practitioner p = newPractitioner();
        feed(p, WITHDRAWN, "WITHDRAWN", false, null);
        apply(AGENT, p.id()).statusCode(422).body("errors.field", containsInAnyOrder("status", "coreComplete"));
    }

    @Test
    void aPractitionerAppliesOnlyForThemselves() {
        Practitioner p = eligible();
        Practitioner other = eligible();
        apply(p.token(), other.id()).statusCode(403);
    }

    @Test
    void aReplayedEventChangesNothing() {
        Practitioner p = newPractitioner();
        Instant t1 = Instant.now();
        String id = KafkaTestClient.send(REGISTRY_TOPIC, p.id(), UPDATED,
                registryEvent(p, "ACTIVE", true, "First N.", t1));
        Fixtures.awaitApplied(p, t1);
        // The same event id again, even with other content and a later time: the inbox skips it.
        KafkaTestClient.send(REGISTRY_TOPIC, p.id(), UPDATED,
                registryEvent(p, "ACTIVE", false, "Replayed R.", t1.plusSeconds(60)), id);
        // A later event of the same key (same partition, so consumed after the replay).
        KafkaTestClient.send(REGISTRY_TOPIC, p.id(), UPDATED, registryEvent(p, "ACTIVE", true, "Second S.",
                t1.plusSeconds(30)));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.eligibility(p.id())
                .map(e -> !"First N.".equals(e.publicName)).orElse(false));
        PractitionerEligibility e = db.eligibility(p.id()).orElseThrow();
        assertEquals("Second S.", e.publicName);
        assertTrue(e.coreComplete);
    }

    @Test
    void theHighestVersionWinsWhateverTheProducersClocksSay() {
        Practitioner p = newPractitioner();
        Instant now = Instant.now();
        // The newer change comes from an instance whose clock is five minutes behind; an older change, stamped
        // by an instance whose clock is right, is delivered after it.
        KafkaTestClient.send(REGISTRY_TOPIC, p.id(), UPDATED,
                registryEvent(p, "ACTIVE", true, "Newest N.", false, now.minusSeconds(300), 2));
        String older = KafkaTestClient.send(REGISTRY_TOPIC, p.id(), UPDATED,
                registryEvent(p, "ACTIVE", false, "Older O.", false, now, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from inbox_message where consumer = ? and event_id = ?",
                fr.pairaidance.labelling.service.EligibilityService.CONSUMER, older) == 1);
        PractitionerEligibility e = db.eligibility(p.id()).orElseThrow();
        assertEquals("Newest N.", e.publicName);
        assertTrue(e.coreComplete);
        assertEquals(2, e.sourceVersion);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        Practitioner p = newPractitioner();
        String garbage = "{not json " + UUID.randomUUID();
        String poisonId = KafkaTestClient.send(REGISTRY_TOPIC, p.id(), CORE_COMPLETED, garbage);
        KafkaTestClient.send(REGISTRY_TOPIC, p.id(), "fr.pairaidance.registry.practitioner.erased.v1", null);
        feed(p, CORE_COMPLETED, "ACTIVE", true, "Camille D.");
        apply(p.token(), null).statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTestClient.readAll("labelling-service.dlq").stream()
                .anyMatch(r -> garbage.equals(r.value()) && p.id().equals(r.key())));
        // Only the poison record: not the tombstone or the good event of the same practitioner.
        List<KafkaTestClient.Event> copies = KafkaTestClient.readAll("labelling-service.dlq").stream()
                .filter(r -> p.id().equals(r.key())).toList();
        assertEquals(1, copies.size());
        // The copy keeps the event's own headers and says where it came from and why it failed.
        Map<String, String> headers = copies.get(0).headers();
        assertEquals(poisonId, headers.get("ce_id"));
        assertEquals(CORE_COMPLETED, headers.get("ce_type"));
        assertEquals(REGISTRY_TOPIC, headers.get("dead-letter-topic"));
        assertNotNull(headers.get("dead-letter-partition"));
        assertNotNull(headers.get("dead-letter-offset"));
        assertNotNull(headers.get("dead-letter-exception-class-name"));
        assertFalse(headers.get("dead-letter-reason").isBlank());
    }

    @Test
    void aWithdrawalWithdrawsTheLabelsClosesApplicationsAndErasesPersonalData() throws Exception {
        Practitioner labelled = eligible();
        String number = labelOf(labelled);
        Practitioner applicant = eligible();
        String applicationId = submitted(applicant);

        feed(labelled, WITHDRAWN, "WITHDRAWN", true, null);
        feed(applicant, WITHDRAWN, "WITHDRAWN", true, null);

        as(REGULATOR).get("/api/v1/labels/" + number).then().statusCode(200)
                .body("state", equalTo("WITHDRAWN")).body("scope.domains", emptyIterable())
                .body("scope.appellations", contains("PAIR_AIDANT"));
        as(REGULATOR).get("/api/v1/applications/" + applicationId).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("decisions[-1].by", equalTo("registry"));
        given().header("X-Forwarded-For", "198.51.100.7").get("/api/v1/labels/" + number + "/verification").then()
                .statusCode(200).body("state", equalTo("WITHDRAWN")).body("valid", equalTo(false))
                .body("$", not(hasKey("practitionerName")));
        PractitionerEligibility erased = db.eligibility(labelled.id()).orElseThrow();
        assertNull(erased.subject);
        assertNull(erased.publicName);
        assertEquals("WITHDRAWN", erased.status);
        // The withdrawn practitioner's account no longer maps to anything here.
        as(labelled.token()).get("/api/v1/labels/mine").then().statusCode(200).body("$", emptyIterable());

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf("labelling.label", labelled.id()).size() >= 3);
        List<KafkaTestClient.Event> events = eventsOf("labelling.label", labelled.id());
        assertEquals(List.of("fr.pairaidance.labelling.label.granted.v1", "fr.pairaidance.labelling.label.withdrawn.v1",
                "fr.pairaidance.labelling.label.erased.v1"), events.stream().map(KafkaTestClient.Event::type).toList());
        assertEquals("WITHDRAWN", new ObjectMapper().readTree(events.get(1).value()).get("state").asText());
        assertFalse(events.get(1).value().contains("MENTAL_HEALTH"), "no health data in the withdrawal");
        assertNull(events.get(2).value());
        // A practitioner without a label leaves no label record to erase.
        assertTrue(eventsOf("labelling.label", applicant.id()).isEmpty());
    }
}
