package fr.pairaidance.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The regulator's decisions while the read load runs, as in life: at a steady rate, a listed
 * practitioner's label is suspended, and a suspended one reinstated, through labelling-service's API.
 * Each decision moves orientation's read-model version (its caches churn) and is one propagation sample:
 * the time from sending the decision to the practitioner's public page answering as a portal would then
 * see it (404 once suspended, 200 once reinstated), polled every 15 ms (a sample is up to 15 ms late).
 */
final class Writes implements AutoCloseable {

    /** A listed practitioner and their label. */
    record Listed(String labelNumber, String registryNumber) {
    }

    private static final long POLL_MILLIS = 15;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private final String labellingUrl;
    private final String orientationUrl;
    private final Tokens tokens;
    private final List<Listed> listed;
    private final SplittableRandom random = new SplittableRandom(7);
    private final ConcurrentLinkedQueue<Listed> suspended = new ConcurrentLinkedQueue<>();
    private final List<Double> suspensionMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> reinstatementMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong notSeen = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private ScheduledExecutorService clock;
    private boolean suspendNext = true;

    Writes(String labellingUrl, String orientationUrl, Tokens tokens, List<Listed> listed) {
        this.labellingUrl = labellingUrl;
        this.orientationUrl = orientationUrl;
        this.tokens = tokens;
        this.listed = listed;
    }

    /** Starts deciding, {@code perSecond} decisions a second, alternately a suspension and a reinstatement. */
    synchronized void start(double perSecond) {
        if (clock != null || listed.isEmpty()) {
            return;
        }
        clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(this::decide, 0, Math.round(1_000_000 / perSecond), TimeUnit.MICROSECONDS);
    }

    /** Stops deciding (decisions under way finish; their samples still count). */
    synchronized void pause() {
        if (clock != null) {
            clock.shutdownNow();
            clock = null;
        }
    }

    private synchronized void decide() {
        Listed next = suspendNext || suspended.isEmpty() ? null : suspended.poll();
        if (next == null) {
            Listed chosen = listed.get(random.nextInt(listed.size()));
            if (suspended.contains(chosen)) {
                return;
            }
            workers.execute(() -> decision(chosen, true));
        } else {
            workers.execute(() -> decision(next, false));
        }
        suspendNext = !suspendNext;
    }

    private void decision(Listed who, boolean suspend) {
        try {
            String label = labellingUrl + "/api/v1/labels/" + who.labelNumber();
            String regulator = tokens.regulator();
            Http.Reply current = Http.get(label, regulator);
            if (!current.ok() || suspend != "ACTIVE".equals(current.json().path("state").asText())) {
                // Decided by an earlier decision still under way, or no longer active: no sample.
                skipped.incrementAndGet();
                return;
            }
            long sent = System.nanoTime();
            Http.Reply decided = Http.postJson(label + (suspend ? "/suspension" : "/reinstatement"), regulator,
                    Map.of("reason", suspend ? "Benchmark: a complaint under review" : "Benchmark: review closed"),
                    Map.of("If-Match", current.etag()));
            if (!decided.ok()) {
                failed.incrementAndGet();
                return;
            }
            if (suspend) {
                suspended.add(who);
            }
            int awaited = suspend ? 404 : 200;
            String page = orientationUrl + "/practitioners/" + who.registryNumber();
            while (Http.status(page) != awaited) {
                if (System.nanoTime() - sent > GIVE_UP_NANOS) {
                    notSeen.incrementAndGet();
                    return;
                }
                Pause.pause(POLL_MILLIS);
            }
            (suspend ? suspensionMillis : reinstatementMillis).add((System.nanoTime() - sent) / 1e6);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    /** Forgets the samples and counts so far: the next figures are of what follows. */
    void reset() {
        suspensionMillis.clear();
        reinstatementMillis.clear();
        failed.set(0);
        notSeen.set(0);
        skipped.set(0);
    }

    /** Every sample so far, suspensions and reinstatements together (milliseconds). */
    List<Double> samples() {
        List<Double> all = new ArrayList<>(suspensionMillis);
        all.addAll(reinstatementMillis);
        return all;
    }

    Map<String, Object> figures() {
        List<Double> all = samples();
        return Map.of("samples", all.size(), "suspensions", suspensionMillis.size(), "reinstatements",
                reinstatementMillis.size(), "p50ms", Stats.round(Stats.percentile(all, 50), 1), "p99ms",
                Stats.round(Stats.percentile(all, 99), 1), "maxMs", Stats.round(Stats.percentile(all, 100), 1),
                "failedDecisions", failed.get(), "skippedDecisions", skipped.get(), "notSeenWithin60s", notSeen.get());
    }

    /** Stops, and reinstates every label still suspended: the listing is left as it was found. */
    @Override
    public void close() throws InterruptedException {
        pause();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        for (Listed who : suspended) {
            decisionQuietly(who);
        }
    }

    private void decisionQuietly(Listed who) {
        String label = labellingUrl + "/api/v1/labels/" + who.labelNumber();
        Http.Reply current = Http.get(label, tokens.regulator());
        if (current.ok() && "SUSPENDED".equals(current.json().path("state").asText())) {
            Http.postJson(label + "/reinstatement", tokens.regulator(), Map.of("reason", "Benchmark: review closed"),
                    Map.of("If-Match", current.etag()));
        }
    }
}
