package fr.pairaidance.orientation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.Tokens;
import fr.pairaidance.orientation.service.ReadModelService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * One rule for the read model: random histories of registry and label events (jqwik's generators), with
 * redeliveries, stale replays under new ids, tombstones and producers' clocks minutes apart, give the same
 * model when the live handlers apply them as when the set-based rebuild reads the topics again. Kafka keeps
 * the order of one key's events on one topic, and nothing else: so do the histories.
 */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class LiveAndRebuildTest {

    /** What can happen to a practitioner next. */
    enum Step {
        CONSENT_LISTED, CONSENT_UNLISTED, DOMAINS_HIDDEN, LABEL_ACTIVE, LABEL_SUSPENDED, LABEL_RENEWAL_DUE,
        LABEL_REVOKED, LABEL_EXPIRED, LABEL_ERASED, REGISTRY_WITHDRAWN, REDELIVERED, STALE_REPLAY
    }

    private static final Arbitrary<List<Step>> HISTORIES = Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(12);
    private static final int PRACTITIONERS = 40;

    @Inject
    DataSource ds;

    /** The events of one key on one topic, as the producer sent them. */
    private record Sent(String topic, String key, String type, String payload, String id) {
    }

    @Test
    void randomHistoriesGiveTheSameModelLiveAndAfterARebuild() {
        Random random = new Random();
        List<List<Step>> histories = HISTORIES.sampleStream().limit(PRACTITIONERS).toList();
        Set<String> registryIds = new LinkedHashSet<>();
        Set<String> labelIds = new LinkedHashSet<>();
        List<Feed.P> practitioners = new ArrayList<>();
        for (List<Step> history : histories) {
            Feed.P p = new Feed.P().in("97105", "0105", "971", "01").speaking("en"); // where no other test looks
            practitioners.add(p);
            List<Sent> registry = new ArrayList<>();
            List<Sent> label = new ArrayList<>();
            long version = 0;
            registry.add(send(Feed.REGISTRY, p, Feed.REGISTERED, Feed.registryPayload(p, skewed(random), ++version), null));
            for (Step step : history) {
                Instant at = skewed(random);
                switch (step) {
                    case CONSENT_LISTED, CONSENT_UNLISTED, DOMAINS_HIDDEN -> {
                        p.listed = step != Step.CONSENT_UNLISTED;
                        p.publishDomains = step != Step.DOMAINS_HIDDEN;
                        registry.add(send(Feed.REGISTRY, p, Feed.CONSENTS_CHANGED, Feed.registryPayload(p, at, ++version), null));
                    }
                    case LABEL_ACTIVE, LABEL_SUSPENDED, LABEL_RENEWAL_DUE, LABEL_REVOKED, LABEL_EXPIRED -> {
                        String state = step.name().substring("LABEL_".length());
                        label.add(send(Feed.LABEL, p, Feed.LABEL_PREFIX + "changed.v1",
                                Feed.labelPayload(p, state, at, ++version), null));
                    }
                    case LABEL_ERASED -> label.add(send(Feed.LABEL, p, Feed.LABEL_PREFIX + "erased.v1", null, null));
                    case REGISTRY_WITHDRAWN -> {
                        registry.add(send(Feed.REGISTRY, p, Feed.WITHDRAWN, Feed.withdrawnPayload(p, at, ++version), null));
                        registry.add(send(Feed.REGISTRY, p, Feed.ERASED, null, null));
                    }
                    case REDELIVERED -> {
                        List<Sent> topic = random.nextBoolean() || label.isEmpty() ? registry : label;
                        Sent again = topic.get(random.nextInt(topic.size()));
                        topic.add(send(again.topic(), p, again.type(), again.payload(), again.id()));
                    }
                    case STALE_REPLAY -> {
                        List<Sent> topic = random.nextBoolean() || label.isEmpty() ? registry : label;
                        Sent old = topic.get(random.nextInt(topic.size()));
                        topic.add(send(old.topic(), p, old.type(), old.payload(), null));
                    }
                }
            }
            registry.forEach(s -> registryIds.add(s.id()));
            label.forEach(s -> labelIds.add(s.id()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(ReadModelService.REGISTRY_CONSUMER, registryIds)
                && consumed(ReadModelService.LABEL_CONSUMER, labelIds));
        String live = Db.settledReadModel(ds);
        long listed = practitioners.stream().filter(p -> Db.count(ds,
                "select count(*) from listing where practitioner_id = ?", p.id) == 1).count();
        System.out.printf("Live and rebuild: %d practitioners, %d registry and %d label events, %d listed%n",
                PRACTITIONERS, registryIds.size(), labelIds.size(), listed);
        assertTrue(listed > 0 && listed < PRACTITIONERS, "the histories list some practitioners and not others: "
                + listed + " listed; histories " + histories);

        given().header("Authorization", Tokens.bearer("regulator-1", "regulator"))
                .post("/api/v1/admin/read-model/rebuild").then().statusCode(200);
        assertEquals(live, Db.readModel(ds), "live and rebuilt models differ; histories " + histories);
    }

    /** A producer's clock: up to ten minutes either side of now, whatever the order of the changes. */
    private static Instant skewed(Random random) {
        return Instant.now().plusSeconds(random.nextInt(1201) - 600);
    }

    private static Sent send(String topic, Feed.P p, String type, String payload, String id) {
        String sent = id == null ? KafkaTestClient.send(topic, p.id.toString(), type, payload)
                : KafkaTestClient.send(topic, p.id.toString(), type, payload, id);
        return new Sent(topic, p.id.toString(), type, payload, sent);
    }

    private boolean consumed(String consumer, Set<String> ids) {
        return Db.count(ds, "select count(*) from inbox_message where consumer = ? and event_id = any(?)", consumer,
                ids.toArray(String[]::new)) == ids.size();
    }


}
