package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.awaitListed;
import static fr.pairaidance.orientation.Feed.isListed;
import static fr.pairaidance.orientation.Feed.label;
import static fr.pairaidance.orientation.Feed.published;
import static fr.pairaidance.orientation.Feed.registry;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.orientation.service.ReadModelService;
import fr.pairaidance.platform.inbox.IncomingEvent;
import fr.pairaidance.localstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The read model follows both topics: who is published, with which fields, whatever the order. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class ReadModelTest {

    @Inject
    DataSource ds;

    @Inject
    ReadModelService readModel;

    @Test
    void aPractitionerAppearsOnlyOnceLabelledAndConsentingWithOnlyPublishedFields() {
        Feed.P p = Feed.lyon("pt");
        p.listed = false;
        registry(p, Feed.REGISTERED);
        label(p, "ACTIVE", "granted.v1");
        // Labelled but not consenting: the label event is applied, the practitioner stays hidden.
        await().atMost(Duration.ofSeconds(30)).until(() -> count("label_state", p) == 1);
        assertFalse(isListed(p));

        p.listed = true;
        p.publishDomains = false;
        registry(p, Feed.CONSENTS_CHANGED);
        awaitListed(p, true);
        given().queryParam("area", "ze:8421").queryParam("language", "pt").get("/api/v1/practitioners")
                .then().statusCode(200)
                .body("items.find { it.registryNumber == '" + p.registryNumber + "' }.publicName", equalTo("Camille D."))
                .body("items.find { it.registryNumber == '" + p.registryNumber + "' }.domains", nullValue())
                .body("items.find { it.registryNumber == '" + p.registryNumber + "' }.label.number", equalTo(p.labelNumber))
                .body("items.find { it.registryNumber == '" + p.registryNumber + "' }.label.state", equalTo("ACTIVE"))
                .body("items.find { it.registryNumber == '" + p.registryNumber + "' }.zone.name", equalTo("Lyon"))
                .body("items.find { it.registryNumber == '" + p.registryNumber + "' }.department.code", equalTo("69"))
                .body(not(containsString(p.email)))
                .body(not(containsString("+33612345678")));
    }

    @ParameterizedTest
    @CsvSource({"SUSPENDED,suspended.v1", "REVOKED,revoked.v1", "EXPIRED,expired.v1", "WITHDRAWN,withdrawn.v1"})
    void aLabelNoLongerActiveRemovesThePractitionerAtOnce(String state, String type) {
        Feed.P p = published(Feed.lyon("pt"));
        label(p, state, type);
        awaitListed(p, false);
    }

    @Test
    void renewalDueKeepsThemAndReinstatementBringsThemBack() {
        Feed.P p = published(Feed.lyon("pt"));
        label(p, "RENEWAL_DUE", "renewal-due.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> labelState(p).equals("RENEWAL_DUE"));
        assertEquals(true, isListed(p));
        label(p, "SUSPENDED", "suspended.v1");
        awaitListed(p, false);
        label(p, "ACTIVE", "reinstated.v1");
        awaitListed(p, true);
    }

    @Test
    void revokingConsentRemovesThemAndTheirContact() {
        Feed.P p = published(Feed.lyon("pt"));
        p.listed = false;
        registry(p, Feed.CONSENTS_CHANGED);
        awaitListed(p, false);
        assertEquals(List.of("null|null"), Db.column(ds,
                "select coalesce(contact_email, 'null') || '|' || coalesce(array_to_string(domains, ','), 'null') "
                        + "from registry_state where practitioner_id = ?", p.id));
    }

    @Test
    void aRegistryWithdrawalAndItsTombstoneEraseThePractitioner() {
        Feed.P p = published(Feed.lyon("pt"));
        Feed.withdrawFromRegistry(p);
        awaitListed(p, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("registry_state", p) == 0);
        KafkaTestClient.send(Feed.LABEL, p.id.toString(), Feed.LABEL_PREFIX + "erased.v1", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("label_state", p) == 0);
    }

    @Test
    void theLabelMayArriveBeforeTheRegistryRecord() {
        Feed.P p = Feed.lyon("pt");
        label(p, "ACTIVE", "granted.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("label_state", p) == 1);
        registry(p, Feed.CONSENTS_CHANGED);
        awaitListed(p, true);
    }

    @Test
    void aDuplicateOrReplayedEventChangesNothing() {
        Feed.P p = Feed.lyon("pt");
        String granted = Feed.labelPayload(p, "ACTIVE", Feed.nextTime());
        String grantedId = KafkaTestClient.send(Feed.LABEL, p.id.toString(), Feed.LABEL_PREFIX + "granted.v1", granted);
        registry(p, Feed.CONSENTS_CHANGED);
        awaitListed(p, true);
        label(p, "SUSPENDED", "suspended.v1");
        awaitListed(p, false);
        // The same event again (same id), then an old event re-published under a new id.
        KafkaTestClient.send(Feed.LABEL, p.id.toString(), Feed.LABEL_PREFIX + "granted.v1", granted, grantedId);
        KafkaTestClient.send(Feed.LABEL, p.id.toString(), Feed.LABEL_PREFIX + "granted.v1", granted);
        // A marker event sent after them on the same partition is applied after them: once it is, they were.
        int partition = KafkaTestClient.partitionOf(Feed.LABEL, p.id.toString());
        Feed.P marker = Feed.lyon("pt");
        while (KafkaTestClient.partitionOf(Feed.LABEL, marker.id.toString()) != partition) {
            marker = Feed.lyon("pt");
        }
        label(marker, "ACTIVE", "granted.v1");
        Feed.P applied = marker;
        await().atMost(Duration.ofSeconds(30)).until(() -> count("label_state", applied) == 1);
        assertEquals("SUSPENDED", labelState(p));
        assertFalse(isListed(p));
        assertEquals(1L, Db.count(ds, "select count(*) from inbox_message where event_id = ?", grantedId));
    }

    @Test
    void aBurstOfEventsOfManyPractitionersIsAppliedInOrderPerPractitioner() {
        // Sent without waiting: the partitions are applied concurrently, each practitioner's events in order.
        List<Feed.P> all = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 12; i++) {
            Feed.P p = Feed.lyon("it");
            all.add(p);
            registry(p, Feed.CONSENTS_CHANGED);
            label(p, "ACTIVE", "granted.v1");
        }
        for (int i = 0; i < all.size(); i++) {
            Feed.P p = all.get(i);
            if (i % 3 == 0) {
                label(p, "SUSPENDED", "suspended.v1");
            } else if (i % 4 == 1) {
                p.listed = false;
                registry(p, Feed.CONSENTS_CHANGED);
                p.listed = true;
                registry(p, Feed.UPDATED);
                expected.add(p.registryNumber);
            } else if (i % 4 == 2) {
                p.listed = false;
                registry(p, Feed.CONSENTS_CHANGED);
            } else {
                expected.add(p.registryNumber);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> shown = given().queryParam("area", "ze:8421").queryParam("language", "it")
                    .queryParam("size", 50).get("/api/v1/practitioners").then().statusCode(200)
                    .extract().path("items.registryNumber");
            return new TreeSet<>(shown).equals(expected)
                    && Db.count(ds, "select count(*) from label_state where state = 'SUSPENDED' and practitioner_id in ("
                            + String.join(",", all.stream().map(p -> "'" + p.id + "'").toList()) + ")") == 4;
        });
    }

    @Test
    void oneBatchMayUnpublishAndRepublishAPractitionerAndEraseAndReRegisterThem() {
        // What one poll can hold: several events of the same practitioner, applied in one transaction.
        Feed.P suspendedThenReinstated = Feed.lyon("ar");
        Feed.P erasedThenRegistered = Feed.lyon("ar");
        List<IncomingEvent> registryBatch = List.of(
                registryEvent(suspendedThenReinstated, Feed.CONSENTS_CHANGED),
                registryEvent(erasedThenRegistered, Feed.CONSENTS_CHANGED),
                tombstone(Feed.REGISTRY, erasedThenRegistered),
                registryEvent(erasedThenRegistered, Feed.REGISTERED));
        List<IncomingEvent> labelBatch = List.of(
                labelEvent(suspendedThenReinstated, "ACTIVE"),
                labelEvent(erasedThenRegistered, "ACTIVE"),
                labelEvent(suspendedThenReinstated, "SUSPENDED"),
                labelEvent(suspendedThenReinstated, "ACTIVE"));
        readModel.applyRegistry(registryBatch);
        long version = Db.count(ds, "select version from read_model_version");
        readModel.applyLabel(labelBatch);
        long bumps = Db.count(ds, "select version from read_model_version") - version;
        // The same events, with the same ids, are also put on the topics (the consumers find them applied
        // already): the topics stay the source of what the model holds, as the rebuild test expects.
        registryBatch.forEach(ReadModelTest::publish);
        labelBatch.forEach(ReadModelTest::publish);

        assertEquals(true, isListed(suspendedThenReinstated));
        assertEquals(true, isListed(erasedThenRegistered));
        // The version of the listing moves once per batch, not once per changed row.
        assertEquals(1, bumps);
    }

    @Test
    void aPoisonRecordAmongOthersGoesAloneToTheDeadLetterTopic() {
        List<Feed.P> all = new ArrayList<>();
        String poisonKey = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            Feed.P p = Feed.lyon("ru");
            all.add(p);
            registry(p, Feed.CONSENTS_CHANGED);
            label(p, "ACTIVE", "granted.v1");
            if (i == 10) {
                KafkaTestClient.send(Feed.REGISTRY, poisonKey, Feed.UPDATED, "{not json");
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(Feed::isListed));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterKeys().contains(poisonKey));
        List<String> deadLetters = deadLetterKeys();
        assertEquals(1, deadLetters.stream().filter(poisonKey::equals).count());
        assertTrue(all.stream().noneMatch(p -> deadLetters.contains(p.id.toString())));
        // The rebuild replays the topic with the poison record still on it: it leaves the record out, as the
        // live consumer did, instead of failing.
        KafkaTestClient.send(Feed.REGISTRY, "not-a-practitioner-id", Feed.UPDATED, "{}");
        int unreadable = given().header("Authorization", Tokens.bearer("regulator-1", "regulator"))
                .post("/api/v1/admin/read-model/rebuild").then().statusCode(200).extract().path("unreadable");
        assertTrue(unreadable >= 2, "unreadable records left out: " + unreadable);
        assertTrue(all.stream().allMatch(Feed::isListed));
    }

    @Test
    void rebuildsWhileEventsArriveFailNothingAndLoseNothing() throws Exception {
        List<Feed.P> all = new CopyOnWriteArrayList<>();
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try {
            Future<?> feeding = feeder.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    Feed.P p = Feed.lyon("es");
                    all.add(p);
                    registry(p, Feed.CONSENTS_CHANGED);
                    label(p, "ACTIVE", "granted.v1");
                }
            });
            int rebuilds = 0;
            while (!feeding.isDone()) {
                given().header("Authorization", Tokens.bearer("regulator-1", "regulator"))
                        .post("/api/v1/admin/read-model/rebuild").then().statusCode(200);
                rebuilds++;
            }
            feeding.get();
            assertTrue(rebuilds > 1, "rebuilds while events arrived: " + rebuilds);
        } finally {
            feeder.shutdownNow();
        }
        String ids = String.join(",", all.stream().map(p -> "'" + p.id + "'").toList());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.count(ds, "select count(*) from listing where practitioner_id in (" + ids + ")") == 40);
    }

    private static List<String> deadLetterKeys() {
        return KafkaTestClient.readAll("orientation-service.dlq").stream().map(KafkaTestClient.Event::key).toList();
    }

    private static void publish(IncomingEvent event) {
        KafkaTestClient.send(event.topic(), event.key(), event.type(), event.data(), event.id());
    }

    private static IncomingEvent registryEvent(Feed.P p, String type) {
        return new IncomingEvent(UUID.randomUUID().toString(), type, null, p.id.toString(),
                Feed.registryPayload(p, Feed.nextTime()), null, Feed.REGISTRY);
    }

    private static IncomingEvent labelEvent(Feed.P p, String state) {
        return new IncomingEvent(UUID.randomUUID().toString(), Feed.LABEL_PREFIX + "changed.v1", null,
                p.id.toString(), Feed.labelPayload(p, state, Feed.nextTime()), null, Feed.LABEL);
    }

    private static IncomingEvent tombstone(String topic, Feed.P p) {
        return new IncomingEvent(UUID.randomUUID().toString(), Feed.ERASED, null, p.id.toString(), null, null, topic);
    }

    @Test
    void theHighestVersionWinsWhateverTheProducersClocksSayLiveAndAfterARebuild() {
        Feed.P p = published(Feed.lyon("pt"));
        String id = p.id.toString();
        long version = Feed.nextTime().toEpochMilli(); // above every version p's events had
        java.time.Instant now = Feed.nextTime();
        java.time.Instant fiveMinutesBehind = now.minus(Duration.ofMinutes(5));
        // An instance whose clock is five minutes behind makes the newer change; an older change, stamped by
        // an instance whose clock is right, is delivered after it.
        p.publicName = "Newest N.";
        KafkaTestClient.send(Feed.REGISTRY, id, Feed.UPDATED, Feed.registryPayload(p, fiveMinutesBehind, version + 2));
        p.publicName = "Older O.";
        String older = KafkaTestClient.send(Feed.REGISTRY, id, Feed.UPDATED, Feed.registryPayload(p, now, version + 1));
        KafkaTestClient.send(Feed.LABEL, id, Feed.LABEL_PREFIX + "suspended.v1",
                Feed.labelPayload(p, "SUSPENDED", fiveMinutesBehind, version + 2));
        String olderLabel = KafkaTestClient.send(Feed.LABEL, id, Feed.LABEL_PREFIX + "reinstated.v1",
                Feed.labelPayload(p, "ACTIVE", now, version + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed(ReadModelService.REGISTRY_CONSUMER, older)
                && consumed(ReadModelService.LABEL_CONSUMER, olderLabel));
        assertNewestWon(p);

        given().header("Authorization", Tokens.bearer("regulator-1", "regulator"))
                .post("/api/v1/admin/read-model/rebuild").then().statusCode(200);
        assertNewestWon(p);
    }

    private void assertNewestWon(Feed.P p) {
        assertEquals(List.of("Newest N."), Db.column(ds, "select public_name from registry_state where practitioner_id = ?",
                p.id));
        assertEquals("SUSPENDED", labelState(p));
        assertFalse(isListed(p));
    }

    private boolean consumed(String consumer, String eventId) {
        return Db.count(ds, "select count(*) from inbox_message where consumer = ? and event_id = ?", consumer,
                eventId) == 1;
    }

    @Test
    void aRebuildFromTheTopicsGivesTheSameModel() {
        published(Feed.lyon("pt"));
        Feed.P withdrawn = published(Feed.lyon("pt"));
        Feed.withdrawFromRegistry(withdrawn);
        awaitListed(withdrawn, false);
        // Everything the live handlers sort out: an event re-delivered under its id, an old event
        // re-published under a new id, a label before its registry record, a suspension, a
        // revoked consent, a renewal, an erased label (tombstone) and one registered again after it.
        Feed.P replayed = Feed.lyon("pt");
        String granted = Feed.labelPayload(replayed, "ACTIVE", Feed.nextTime());
        String grantedId = KafkaTestClient.send(Feed.LABEL, replayed.id.toString(), Feed.LABEL_PREFIX + "granted.v1",
                granted);
        registry(replayed, Feed.CONSENTS_CHANGED);
        awaitListed(replayed, true);
        label(replayed, "SUSPENDED", "suspended.v1");
        KafkaTestClient.send(Feed.LABEL, replayed.id.toString(), Feed.LABEL_PREFIX + "granted.v1", granted, grantedId);
        KafkaTestClient.send(Feed.LABEL, replayed.id.toString(), Feed.LABEL_PREFIX + "granted.v1", granted);
        Feed.P revoked = published(Feed.lyon("pt"));
        revoked.listed = false;
        registry(revoked, Feed.CONSENTS_CHANGED);
        Feed.P renewed = published(Feed.lyon("pt"));
        label(renewed, "RENEWAL_DUE", "renewal-due.v1");
        Feed.P relabelled = published(Feed.lyon("pt"));
        KafkaTestClient.send(Feed.LABEL, relabelled.id.toString(), Feed.LABEL_PREFIX + "erased.v1", null);
        label(relabelled, "ACTIVE", "granted.v1");
        Feed.P unlisted = Feed.lyon("pt");
        unlisted.listed = false;
        registry(unlisted, Feed.REGISTERED);
        Feed.P oddName = Feed.lyon("tr");
        oddName.publicName = "Zoé \"Z\" O'Neil \\ tab\there\nnew line, {braces}";
        published(oddName);
        // Published organisations (a SIRET, an employer), and one whose consent was revoked afterwards.
        String siret = Feed.siret();
        Feed.P ownEstablishment = published(Feed.bordeaux("pt").selfEmployed(siret));
        Feed.P employed = published(Feed.bordeaux("pt").salaried("Association \"Entraide\" \\ tab\there"));
        Feed.P revokedOrganisation = published(Feed.bordeaux("pt").selfEmployed(Feed.siret()));
        revokedOrganisation.publishOrganisation = false;
        registry(revokedOrganisation, Feed.CONSENTS_CHANGED);
        String before = Db.settledReadModel(ds);
        assertFalse(before.isEmpty());

        given().header("Authorization", Tokens.bearer("regulator-1", "regulator"))
                .post("/api/v1/admin/read-model/rebuild").then().statusCode(200)
                .body("published", equalTo((int) Db.count(ds, "select count(*) from listing")));
        assertEquals(before, Db.readModel(ds));
        assertEquals(List.of(siret + "|null"), organisation(ownEstablishment));
        assertEquals(List.of("null|" + employed.employerName), organisation(employed));
        assertEquals(List.of("null|null"), organisation(revokedOrganisation));
        assertEquals(false, isListed(replayed));
        assertEquals(true, isListed(renewed));
        assertEquals(true, isListed(relabelled));
        given().queryParam("area", "ze:8421").queryParam("language", "tr")
                .get("/api/v1/practitioners").then().statusCode(200)
                .body("items.find { it.registryNumber == '" + oddName.registryNumber + "' }.publicName",
                        equalTo(oddName.publicName));
        // The inbox was rebuilt too: the first grant delivered once more still changes nothing.
        assertEquals(1L, Db.count(ds, "select count(*) from inbox_message where event_id = ?", grantedId));
        KafkaTestClient.send(Feed.LABEL, replayed.id.toString(), Feed.LABEL_PREFIX + "granted.v1", granted, grantedId);
        published(Feed.lyon("pt"));
        assertEquals("SUSPENDED", labelState(replayed));
    }



    /** SIRET and employer of the listing, as {@code siret|employer}, once the registry state says the same. */
    private List<String> organisation(Feed.P p) {
        return Db.column(ds, "select coalesce(l.siret, 'null') || '|' || coalesce(l.employer_name, 'null') "
                + "from listing l join registry_state r using (practitioner_id) where practitioner_id = ? "
                + "and r.siret is not distinct from l.siret and r.employer_name is not distinct from l.employer_name",
                p.id);
    }

    private long count(String table, Feed.P p) {
        return Db.count(ds, "select count(*) from " + table + " where practitioner_id = ?", p.id);
    }

    private String labelState(Feed.P p) {
        List<String> states = Db.column(ds, "select state from label_state where practitioner_id = ?", p.id);
        return states.isEmpty() ? "" : states.get(0);
    }
}
