package fr.pairaidance.systemtests;

import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of writes through the public APIs while a fault is injected: registrations (two
 * agency clients at once) and, for every fourth practitioner, a recognition of prior experience and
 * then the regulator's decisions on their label (grant, refusal, suspension, reinstatement,
 * revocation). What the services accepted is kept, to compare with the read models afterwards.
 *
 * <p>Calls that fail (a service killed, a database away) are retried later; a decision whose answer
 * was lost is recognised on the next try by the resource's state, so each accepted decision is
 * counted once.
 */
final class Workload implements AutoCloseable {

    private static final List<String> CORE_MODULES = List.of("CORE-1A", "CORE-1B", "CORE-2A", "CORE-2B", "CORE-2C");
    private static final Map<String, Object> SCOPE = Map.of("domains", List.of("CANCER"),
            "appellations", List.of("PATIENT_EXPERT"));

    /** What the regulator does with a practitioner's application, in order. */
    private enum Script {
        GRANT(List.of("grant")),
        SUSPEND(List.of("grant", "suspension")),
        SUSPEND_AND_REINSTATE(List.of("grant", "suspension", "reinstatement")),
        REVOKE(List.of("grant", "revocation")),
        REFUSE(List.of("refusal"));

        final List<String> decisions;

        Script(List<String> decisions) {
            this.decisions = decisions;
        }
    }

    /** One practitioner on their way through labelling, due for its next step at {@code dueNanos}. */
    private static final class Candidate implements Delayed {
        final String practitionerId;
        final Script script;
        String applicationId;
        String labelNumber;
        int done;
        long dueNanos = System.nanoTime();

        Candidate(String practitionerId, Script script) {
            this.practitionerId = practitionerId;
            this.script = script;
        }

        boolean played() {
            return done == script.decisions.size();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Candidate) other).dueNanos);
        }
    }

    /** Accepted registrations: practitioner id to registry number. */
    final Map<String, String> registrations = new ConcurrentHashMap<>();
    /** Registrations refused or unanswered (a service down, its database away). */
    final AtomicInteger refused = new AtomicInteger();
    /** Accepted label decisions (assignments not counted). */
    final AtomicInteger decisions = new AtomicInteger();
    /** Practitioners whose script is played to the end: practitioner id to "number:STATE" or "REFUSED". */
    final Map<String, String> outcomes = new ConcurrentHashMap<>();

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    private final DelayQueue<Candidate> candidates = new DelayQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int maxRegistrations;

    private Workload(int maxRegistrations) {
        this.maxRegistrations = maxRegistrations;
    }

    /** Starts the stream: at most {@code maxRegistrations} registrations, until {@link #close()}. */
    static Workload start(int maxRegistrations) {
        Workload workload = new Workload(maxRegistrations);
        for (int i = 1; i <= 2; i++) {
            workload.threads.add(new Thread(workload::registerInALoop, "registrations-" + i));
        }
        for (int i = 1; i <= 2; i++) {
            workload.threads.add(new Thread(workload::decideInALoop, "label-decisions-" + i));
        }
        workload.threads.forEach(Thread::start);
        return workload;
    }

    /** Waits until {@code more} further registrations are accepted (or the stream has ended). */
    void awaitMoreRegistrations(int more) {
        int target = registrations.size() + more;
        await().atMost(Duration.ofSeconds(90)).until(() -> registrations.size() >= target || !registering());
    }

    /** Waits until {@code more} further label decisions are accepted. */
    void awaitMoreDecisions(int more) {
        int target = decisions.get() + more;
        await().atMost(Duration.ofSeconds(120)).until(() -> decisions.get() >= target);
    }

    private boolean registering() {
        return threads.stream().limit(2).anyMatch(Thread::isAlive);
    }

    /** Stops the stream; lets the candidates already registered finish their script first. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return registrations.size() + " registrations accepted (" + refused.get() + " refused or unanswered), "
                + decisions.get() + " label decisions accepted, " + outcomes.size() + " labelling scripts played";
    }

    private void registerInALoop() {
        String agent = KeycloakTokens.agency();
        while (running.get()) {
            int index = sequence.incrementAndGet();
            if (index > maxRegistrations) {
                return;
            }
            try {
                Response r = Api.registry(agent).body(Api.registration("Stream", "35238", "CANCER", "PATIENT_EXPERT", "ONE_TO_ONE")).post("/api/v1/practitioners");
                if (r.statusCode() != 201) {
                    refused.incrementAndGet();
                    awaitRegistryReady();
                    continue;
                }
                String id = r.path("id");
                registrations.put(id, r.path("registryNumber"));
                if (index % 4 == 0) {
                    recognisePriorExperience(agent, id, index);
                    candidates.add(new Candidate(id, Script.values()[(index / 4) % Script.values().length]));
                }
            } catch (Exception noAnswer) { // connection refused or reset: RestAssured throws them unchecked
                refused.incrementAndGet();
                awaitRegistryReady();
            }
        }
    }

    /** After a refusal, a client waits until registry-service says it is ready again (or the stream stops). */
    private void awaitRegistryReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !running.get() || Api.registry(null).get("/q/health/ready").statusCode() == 200);
    }

    /** The common core recognised by VAE (retried: the practitioner is accepted already). */
    private void recognisePriorExperience(String agent, String id, int index) {
        Map<String, Object> vae = Map.of("moduleCodes", CORE_MODULES,
                "decidedOn", LocalDate.now().minusDays(30).toString(), "evidenceReference", "VAE-FAULTS-" + index);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                Api.registry(agent).header("Idempotency-Key", "vae-" + id).body(vae)
                        .post("/api/v1/practitioners/" + id + "/training/prior-experience").statusCode() == 201);
    }

    /**
     * Plays each candidate's script one step at a time, round robin: a step that cannot be taken yet
     * (eligibility not received, a service down) puts the candidate back at the end of the queue.
     * Candidates already registered are played to the end after {@link #close()} too.
     */
    private void decideInALoop() {
        String agent = KeycloakTokens.agency();
        String regulator = KeycloakTokens.user("regine");
        long stopBy = Long.MAX_VALUE;
        while (System.nanoTime() < stopBy) {
            if (!running.get() && stopBy == Long.MAX_VALUE) {
                stopBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            }
            Candidate next;
            try {
                next = candidates.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                if (!running.get() && !registering()) {
                    return;
                }
                continue;
            }
            int before = next.done + (next.applicationId == null ? 0 : 1);
            try {
                if (step(next, agent, regulator)) {
                    continue;
                }
            } catch (Exception noAnswer) { // connection refused or reset: RestAssured throws them unchecked
                // retried below
            }
            boolean progressed = next.done + (next.applicationId == null ? 0 : 1) > before;
            next.dueNanos = System.nanoTime() + (progressed ? 0 : TimeUnit.MILLISECONDS.toNanos(250));
            candidates.add(next);
        }
    }

    /** Takes the candidate's next step; true when its script is played to the end. */
    private boolean step(Candidate c, String agent, String regulator) {
        if (c.applicationId == null) {
            Response applied = Api.labelling(agent).header("Idempotency-Key", "application-" + c.practitionerId)
                    .body(Map.of("practitionerId", c.practitionerId, "scope", SCOPE)).post("/api/v1/applications");
            if (applied.statusCode() == 201) {
                c.applicationId = applied.path("id");
            }
            return false;
        }
        if (!c.played()) {
            String decision = c.script.decisions.get(c.done);
            if (decision.equals("grant") || decision.equals("refusal")) {
                decideOnApplication(c, decision, regulator);
            } else {
                decideOnLabel(c, decision, regulator);
            }
            if (!c.played()) {
                return false;
            }
        }
        if (c.labelNumber == null) {
            outcomes.put(c.practitionerId, "REFUSED");
            return true;
        }
        Response label = Api.labelling(regulator).get("/api/v1/labels/" + c.labelNumber);
        if (label.statusCode() != 200) {
            return false; // labelling-service is down or without its database (the fault under test): read it later
        }
        outcomes.put(c.practitionerId, c.labelNumber + ":" + label.path("state"));
        return true;
    }

    private void decideOnApplication(Candidate c, String decision, String regulator) {
        Response application = Api.labelling(regulator).get("/api/v1/applications/" + c.applicationId);
        if (application.statusCode() != 200) {
            return;
        }
        String state = application.path("state");
        if (state.equals("GRANTED") || state.equals("REFUSED")) { // decided, its answer lost
            accept(c, application.path("labelNumber"));
            return;
        }
        String etag = application.header("ETag");
        if (state.equals("SUBMITTED")) {
            Api.labelling(regulator).header("If-Match", etag).post("/api/v1/applications/" + c.applicationId
                    + "/assignment");
            return; // the decision itself at the next step
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "Decided under the faults test's workload");
        if (decision.equals("grant")) {
            body.put("scope", SCOPE);
        }
        Response decided = Api.labelling(regulator).header("If-Match", etag).body(body)
                .post("/api/v1/applications/" + c.applicationId + "/" + decision);
        if (decided.statusCode() == 200) {
            accept(c, decided.path("labelNumber"));
        }
    }

    private void decideOnLabel(Candidate c, String decision, String regulator) {
        Response label = Api.labelling(regulator).get("/api/v1/labels/" + c.labelNumber);
        if (label.statusCode() != 200) {
            return;
        }
        String expected = switch (decision) {
            case "suspension" -> "SUSPENDED";
            case "reinstatement" -> "ACTIVE";
            default -> "REVOKED";
        };
        // Each decision leads to a state the label was not in before it: already there means taken.
        if (expected.equals(label.path("state")) || Api.labelling(regulator).header("If-Match", label.header("ETag"))
                .body(Map.of("reason", "Decided under the faults test's workload"))
                .post("/api/v1/labels/" + c.labelNumber + "/" + decision).statusCode() == 200) {
            c.done++;
            decisions.incrementAndGet();
        }
    }

    private void accept(Candidate c, String labelNumber) {
        c.labelNumber = labelNumber;
        c.done++;
        decisions.incrementAndGet();
    }
}
