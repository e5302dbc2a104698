package fr.pairaidance.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity of a load at a latency objective: the highest arrival rate (open model) whose run keeps
 * p99 within the objective, under 1 % failed and at least 95 % of the rate served. Found by doubling the
 * rate from a start until a run misses, then halving the gap twice; the rate found is then run
 * {@code runs} times and each figure is the median of those runs, with their minimum and maximum. A run that
 * misses leaves work behind (queued requests, consumers' lag, collections): the next run waits
 * {@link #SETTLE_SECONDS} first, so that it measures its own rate, not the previous one's backlog.
 */
final class Capacity {

    static final int SETTLE_SECONDS = 30;

    private final LoadGenerator generator;
    private final int seconds;
    private final int runs;
    /** Whether the last run missed the objective of the search it belonged to. */
    private boolean lastMissed;
    private double objectiveMs = Benchmarks.P99_OBJECTIVE_MS;

    Capacity(LoadGenerator generator, int seconds, int runs) {
        this.generator = generator;
        this.seconds = seconds;
        this.runs = runs;
    }

    Map<String, Object> find(String what, Path mix, double start, double p99Millis) throws IOException {
        Console.info(what + ": capacity at p99 <= " + p99Millis + " ms, from " + start + "/s");
        objectiveMs = p99Millis;
        List<Map<String, Object>> trials = new ArrayList<>();
        double good = 0;
        double bad = 0;
        double rate = start;
        while (bad == 0 && rate <= 100_000) {
            LoadGenerator.Run run = trial(what, mix, rate, trials);
            if (run.holds(p99Millis)) {
                good = rate;
                rate *= 2;
            } else {
                bad = rate;
            }
        }
        while (good == 0 && rate >= 4) {
            // Even the start missed: halve until a run holds.
            rate = Math.floor(rate / 2);
            if (trial(what, mix, rate, trials).holds(p99Millis)) {
                good = rate;
            } else {
                bad = rate;
            }
        }
        for (int i = 0; i < 2 && good > 0 && bad > good; i++) {
            double middle = Math.floor((good + bad) / 2);
            if (trial(what, mix, middle, trials).holds(p99Millis)) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p99ObjectiveMs", p99Millis);
        m.put("capacityPerSecond", good);
        m.put("trials", trials);
        if (good > 0) {
            m.put("atCapacity", repeated(what, mix, good, trials));
        }
        Console.info("  -> " + what + ": " + good + "/s at p99 <= " + p99Millis + " ms");
        return m;
    }

    /** {@code runs} runs at one rate: medians with minimum and maximum, overall and per kind. */
    Map<String, Object> repeated(String what, Path mix, double rate, List<Map<String, Object>> log)
            throws IOException {
        List<LoadGenerator.Run> done = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            done.add(trial(what, mix, rate, log));
        }
        return summary(done);
    }

    static Map<String, Object> summary(List<LoadGenerator.Run> done) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ratePerSecond", done.get(0).rate());
        m.put("runs", done.size());
        m.put("all", figures(done.stream().map(LoadGenerator.Run::all).toList()));
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (String kind : done.get(0).byKind().keySet()) {
            kinds.put(kind, figures(done.stream().map(r -> r.byKind().get(kind)).filter(f -> f != null).toList()));
        }
        m.put("byKind", kinds);
        return m;
    }

    private static Map<String, Object> figures(List<LoadGenerator.Figures> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", Stats.spread(runs.stream().map(LoadGenerator.Figures::p50).toList()));
        m.put("p95", Stats.spread(runs.stream().map(LoadGenerator.Figures::p95).toList()));
        m.put("p99", Stats.spread(runs.stream().map(LoadGenerator.Figures::p99).toList()));
        m.put("max", Stats.spread(runs.stream().map(LoadGenerator.Figures::max).toList()));
        m.put("perSecond", Stats.spread(runs.stream().map(LoadGenerator.Figures::perSecond).toList()));
        m.put("requests", runs.stream().mapToLong(LoadGenerator.Figures::requests).sum());
        m.put("failed", runs.stream().mapToLong(LoadGenerator.Figures::failed).sum());
        return m;
    }

    private LoadGenerator.Run trial(String what, Path mix, double rate, List<Map<String, Object>> log)
            throws IOException {
        if (lastMissed) {
            Console.info("  settling " + SETTLE_SECONDS + " s after a run that missed");
            Pause.pause(SETTLE_SECONDS * 1000L);
        }
        LoadGenerator.Run run = generator.run(mix, rate, seconds);
        lastMissed = !run.holds(objectiveMs);
        LoadGenerator.Figures all = run.all();
        log.add(Map.of("rate", rate, "served", Stats.round(all.perSecond(), 1), "p50", all.p50(), "p99", all.p99(),
                "failed", all.failed()));
        Console.info(String.format("  %s at %.0f/s: served %.0f/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms, %d failed",
                what, rate, all.perSecond(), all.p50(), all.p99(), all.max(), all.failed()));
        return run;
    }
}
