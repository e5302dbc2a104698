package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.as;
import static fr.pairaidance.labelling.Fixtures.decide;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.eventsOf;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static fr.pairaidance.labelling.Fixtures.reason;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pairaidance.labelling.Fixtures.Practitioner;
import fr.pairaidance.labelling.service.LabelScheduler;
import fr.pairaidance.localstack.testing.KafkaTestClient;
import fr.pairaidance.localstack.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Time-driven changes, by moving the clock and running the job's method: no sleeping. */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class LabelSchedulerTest {

    @Inject
    MutableClock clock;

    @Inject
    LabelScheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(LocalDate day) {
        clock.set(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    }

    private static String state(String number) {
        return as(REGULATOR).get("/api/v1/labels/" + number).then().statusCode(200).extract().path("state");
    }

    @Test
    void aLabelEntersItsRenewalWindowThenExpiresOnItsDates() {
        LocalDate granted = LocalDate.of(2031, 1, 10);
        at(granted);
        Practitioner p = eligible();
        String number = labelOf(p);
        LocalDate expiry = granted.plusYears(3);
        scheduler.advanceAll();
        assertEquals("ACTIVE", state(number));

        at(expiry.minusDays(91));
        scheduler.advanceAll();
        assertEquals("ACTIVE", state(number));

        at(expiry.minusDays(90));
        scheduler.advanceAll();
        assertEquals("RENEWAL_DUE", state(number));
        scheduler.advanceAll();

        at(expiry.minusDays(1));
        scheduler.advanceAll();
        assertEquals("RENEWAL_DUE", state(number));

        at(expiry);
        scheduler.advanceAll();
        assertEquals("EXPIRED", state(number));
        scheduler.advanceAll();

        as(REGULATOR).get("/api/v1/labels/" + number + "/history").then()
                .body("action", contains("GRANTED", "RENEWAL_DUE", "EXPIRED"))
                .body("byName", contains("regulator-a", "system", "system"))
                .body("effectiveOn", contains(granted.toString(), expiry.minusDays(90).toString(), expiry.toString()));
        // An expired label is neither suspended nor renewed: it needs a new application.
        decide(number, "suspension", reason("late complaint")).statusCode(409);
        decide(number, "renewal", reason("late renewal")).statusCode(409);

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf("labelling.label", p.id()).size() >= 3);
        List<KafkaTestClient.Event> events = eventsOf("labelling.label", p.id());
        assertEquals(List.of("fr.pairaidance.labelling.label.granted.v1",
                "fr.pairaidance.labelling.label.renewal-due.v1", "fr.pairaidance.labelling.label.expired.v1"),
                events.stream().map(KafkaTestClient.Event::type).toList());
    }

    @Test
    void aLateRunAppliesTheChangeFromItsDueDay() {
        LocalDate granted = LocalDate.of(2032, 2, 1);
        at(granted);
        String number = labelOf(eligible());
        at(granted.plusYears(3).plusDays(5));
        scheduler.advanceAll();
        as(REGULATOR).get("/api/v1/labels/" + number + "/history").then()
                .body("action", contains("GRANTED", "EXPIRED"))
                .body("[1].effectiveOn", equalTo(granted.plusYears(3).toString()));
    }

    @Test
    void aRenewalInTheWindowExtendsFromTheCurrentExpiry() {
        LocalDate granted = LocalDate.of(2033, 3, 1);
        at(granted);
        String number = labelOf(eligible());
        LocalDate expiry = granted.plusYears(3);
        at(expiry.minusDays(30));
        scheduler.advanceAll();
        assertEquals("RENEWAL_DUE", state(number));
        decide(number, "renewal", reason("Continued supervision")).statusCode(200)
                .body("state", equalTo("ACTIVE")).body("expiresOn", equalTo(expiry.plusYears(3).toString()));
        at(expiry.plusDays(1));
        scheduler.advanceAll();
        assertEquals("ACTIVE", state(number));
    }

    @Test
    void aSuspensionEndsOnItsDayAndAnOpenEndedOneEndsWithTheExpiry() {
        LocalDate start = LocalDate.of(2034, 4, 1);
        at(start);
        String dated = labelOf(eligible());
        String openEnded = labelOf(eligible());
        decide(dated, "suspension", Map.of("reason", "Training refresher", "until", start.plusDays(10).toString()))
                .statusCode(200);
        decide(openEnded, "suspension", reason("Investigation")).statusCode(200);

        at(start.plusDays(9));
        scheduler.advanceAll();
        assertEquals("SUSPENDED", state(dated));

        at(start.plusDays(10));
        scheduler.advanceAll();
        assertEquals("ACTIVE", state(dated));
        assertEquals("SUSPENDED", state(openEnded));
        as(REGULATOR).get("/api/v1/labels/" + dated + "/history").then()
                .body("action", contains("GRANTED", "SUSPENDED", "REINSTATED"))
                .body("[2].byName", equalTo("system"));

        at(start.plusYears(3));
        scheduler.advanceAll();
        assertEquals("EXPIRED", state(openEnded));
    }

    @Test
    void twoInstancesRunningTheJobAtOnceChangeEachLabelOnce() throws Exception {
        LocalDate granted = LocalDate.of(2035, 5, 1);
        at(granted);
        List<String> numbers = List.of(labelOf(eligible()), labelOf(eligible()), labelOf(eligible()));
        at(granted.plusYears(3));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = instances.invokeAll(List.of(scheduler::advanceAll, scheduler::advanceAll));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdownNow();
        }
        for (String number : numbers) {
            as(REGULATOR).get("/api/v1/labels/" + number + "/history").then()
                    .body("action", contains("GRANTED", "EXPIRED"));
        }
    }
}
