package fr.pairaidance.benchmarks;

import fr.pairaidance.platform.reference.Geography;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark command ({@code ./mvnw -Pbenchmark -pl deploy/benchmarks}): loads practitioners through
 * the running services in steps (10 000, then 100 000 by default), measures at each step with wrk and
 * pgbench, and writes deploy/docs/benchmarks.md and benchmarks.json. See README.md.
 */
public final class Benchmarks {

    /** Ten times the target for a million events: a slower rebuild is still reported with its time. */
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(20);
    static final String[] SERVICES = {"registry-service", "labelling-service", "orientation-service"};
    private static final List<String> SEARCH_DOMAINS = List.of("MENTAL_HEALTH", "ADDICTION", "CHRONIC_ILLNESS",
            "FAMILY_CAREGIVING");

    private final Options options;
    private final Tokens tokens;
    private final Db db;
    private final Geography geography = new Geography();
    private final Population population;
    private final Wrk wrk;
    private final PgBench pgbench;
    private final Loader loader;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    /** Per service, the sample with the highest resident memory since the step's measurements began. */
    private final Map<String, Processes.Memory> peakMemory = new ConcurrentHashMap<>();
    private final List<String> labelNumbers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Benchmarks(Options options, Path work) {
        this.options = options;
        this.tokens = new Tokens(options.keycloakUrl());
        this.db = new Db(options);
        this.population = new Population(geography, options.runTag());
        this.wrk = new Wrk(options.threads(), work);
        this.pgbench = new PgBench(options, work);
        this.loader = new Loader(options, tokens, population, db);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.fromSystemProperties();
        if (Boolean.getBoolean("bench.render-only")) {
            // Writes benchmarks.md again from benchmarks.json (after editing method.md or findings.md).
            Path json = options.outputDir().resolve("benchmarks.json");
            Files.writeString(options.outputDir().resolve("benchmarks.md"),
                    Report.markdown(Http.JSON.readTree(json.toFile())));
            Console.info("Rendered " + options.outputDir().resolve("benchmarks.md") + " from " + json);
            return;
        }
        Wrk.requireInstalled();
        PgBench.locate();
        Path work = Files.createTempDirectory("pairaidance-bench-");
        long started = System.nanoTime();
        Map<String, Object> report = new Benchmarks(options, work).run();
        report.put("totalMinutes", Stats.round((System.nanoTime() - started) / 6e10, 1));
        Report.write(options, report);
        Console.info("Written " + options.outputDir().resolve("benchmarks.md") + " and benchmarks.json ("
                + report.get("totalMinutes") + " min)");
        System.exit(0);
    }

    private String url(String service) {
        return switch (service) {
            case "registry-service" -> options.registryUrl();
            case "labelling-service" -> options.labellingUrl();
            default -> options.orientationUrl();
        };
    }

    private Map<String, Object> run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> machine = Machine.describe(db);
        report.put("machine", machine);
        report.put("options", Map.of("sizes", options.sizes(), "labelledFraction", options.labelledFraction(),
                "maxLabelled", options.maxLabelled(), "maxPublished", options.maxPublished(),
                "durationSeconds", options.durationSeconds(), "runs", options.runs(), "warmupRuns", options.warmupRuns(),
                "connections", options.connections(), "wrkThreads", options.threads(), "runTag", options.runTag()));
        for (String service : SERVICES) {
            int status = Http.status(url(service) + "/q/health/ready");
            if (status != 200) {
                throw new IllegalStateException(service + " is not ready at " + url(service) + " (HTTP " + status
                        + "): start the local system first (./mvnw -Prun, see README.md)");
            }
            Processes.pidOf(Processes.port(url(service))).ifPresentOrElse(pid -> pids.put(service, pid),
                    () -> notes.add(service + ": process not found on this machine, no memory figures"));
        }
        Console.info("Services ready; processes " + pids + "; run tag " + options.runTag());
        pids.values().stream().findFirst().ifPresent(pid -> machine.put("servicesJvm", Processes.jvmOf(pid)));
        tokens.agent();
        tokens.regulator();

        Thread sampler = new Thread(this::sampleRss, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();

        List<Map<String, Object>> steps = new ArrayList<>();
        if (!options.previousSteps().isEmpty()) {
            // Steps measured by an earlier, interrupted run of the same system (-Dbench.resume-from).
            com.fasterxml.jackson.databind.JsonNode previous = Http.JSON.readTree(Path.of(options.previousSteps())
                    .toFile());
            for (com.fasterxml.jackson.databind.JsonNode s : previous.isArray() ? previous
                    : Http.JSON.createArrayNode().add(previous)) {
                steps.add(Http.JSON.convertValue(s, Map.class));
            }
            notes.add("Steps before " + options.resumeFrom() + " practitioners come from an earlier run on the same"
                    + " system (" + options.previousSteps() + "), resumed with -Dbench.resume-from");
        }
        int loaded = options.resumeFrom();
        for (int size : options.sizes()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("practitioners", size);
            Loader.Step load;
            try (AutoCloseable cheapSignIns = tokens.cheapPasswordHashing()) {
                load = loader.load(loaded, size, options.propagationSamples());
            }
            loaded = size;
            labelNumbers.clear();
            db.rows("labelling", "select number from label where state = 'ACTIVE' order by random() limit 200")
                    .forEach(r -> labelNumbers.add(r[0]));
            step.put("load", loadFigures(load));
            step.put("readModel", Map.of(
                    "registryRecords", db.count("registry", "select count(*) from practitioner"),
                    "labels", db.count("labelling", "select count(*) from label"),
                    "listing", db.count("orientation", "select count(*) from listing")));
            peakMemory.clear();
            step.put("ceilings", ceilings());
            step.put("search", search(step));
            step.put("verification", verification(step));
            step.put("propagation", propagation(load.held()));
            boolean first = steps.isEmpty();
            if (options.rebuild().equals("all") || (first && options.rebuild().equals("first"))) {
                step.put("rebuild", rebuild());
            } else {
                step.put("rebuild", Map.of("skipped", "not at this step (-Dbench.rebuild=all rebuilds at every"
                        + " step; it replays every event of the topics)"));
            }
            // Last: the registrations leave events that the consumers apply for a while after.
            step.put("registration", registration(step, size));
            Map<String, Object> rss = new LinkedHashMap<>();
            Map<String, Object> rssAtPeak = new LinkedHashMap<>();
            peakMemory.forEach((service, peak) -> {
                rss.put(service, Stats.round(peak.rssMiB(), 1));
                rssAtPeak.put(service, Map.of("anonymousMiB", Stats.round(peak.anonymousMiB(), 1),
                        "fileBackedMiB", Stats.round(peak.fileBackedMiB(), 1)));
            });
            step.put("maxRssMiB", rss);
            step.put("rssAtPeakMiB", rssAtPeak);
            steps.add(step);
            Console.info("Step " + size + " done: " + Http.write(step));
        }
        report.put("steps", steps);
        report.put("startup", startup());
        report.put("loadAverageAtEnd", Machine.loadAverage());
        report.put("notes", notes);
        return report;
    }

    // ---------- figures ----------

    private Map<String, Object> loadFigures(Loader.Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        int rows = s.to() - s.from();
        m.put("rowsImported", s.imported());
        m.put("rowsRejected", s.rejected());
        m.put("importSeconds", Stats.round(s.importSeconds(), 2));
        m.put("importRowsPerSecond", Stats.round(s.imported() / s.importSeconds(), 0));
        m.put("eventsRelayedSeconds", Stats.round(s.relaySeconds(), 2));
        m.put("eventsAppliedByLabellingSeconds", Stats.round(s.labellingConsumedSeconds(), 2));
        m.put("eventsAppliedByOrientationSeconds", Stats.round(s.orientationConsumedSeconds(), 2));
        m.put("rows", rows);
        m.put("labelled", s.labelled());
        m.put("published", s.published());
        m.put("keycloakAccountsSeconds", Stats.round(s.accountsSeconds(), 1));
        m.put("labellingPipelineSeconds", Stats.round(s.labellingSeconds(), 1));
        m.put("labelledPerSecond", Stats.round(s.labelled() / Math.max(0.001, s.labellingSeconds()), 1));
        m.put("listingCaughtUpSeconds", Stats.round(s.listingSeconds(), 1));
        m.put("callsWhileLabelling", s.calls());
        return m;
    }

    private Map<String, Object> ceilings() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Console.info("HTTP ceiling of " + service + ": GET /q/health/live");
            m.put(service, series(url(service) + "/q/health/live", null, options.connections()));
        }
        return m;
    }

    /** Several wrk runs of the same load: each run's figures and the medians. */
    private Map<String, Object> series(String url, java.util.function.Supplier<Path> script, int connections) {
        List<Double> rps = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        long errors = 0;
        for (int i = 0; i < options.warmupRuns(); i++) {
            // Discarded: the JIT compiles the path under test (the ceiling's too) before the measured runs.
            wrk.run(url, script == null ? null : script.get(), connections, options.durationSeconds());
        }
        for (int i = 0; i < options.runs(); i++) {
            Wrk.Result r = wrk.run(url, script == null ? null : script.get(), connections, options.durationSeconds());
            double ok = r.okRps(options.durationSeconds());
            rps.add(ok);
            p50.add(r.p50());
            p99.add(r.p99());
            errors += r.non2xx() + r.socketErrors();
            runs.add(Map.of("rps", Stats.round(ok, 1), "p50ms", Stats.round(r.p50(), 2), "p99ms",
                    Stats.round(r.p99(), 2), "non2xx", r.non2xx(), "socketErrors", r.socketErrors()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rps", Stats.round(Stats.median(rps), 1));
        m.put("p50ms", Stats.round(Stats.median(p50), 2));
        m.put("p99ms", Stats.round(Stats.median(p99), 2));
        m.put("connections", connections);
        m.put("errors", errors);
        m.put("runs", runs);
        Console.info("  -> " + m.get("rps") + " req/s (2xx), p50 " + m.get("p50ms") + " ms, p99 " + m.get("p99ms")
                + " ms, errors " + errors);
        return m;
    }

    private double ceilingOf(Map<String, Object> step, String service) {
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) ((Map<String, Object>) step.get("ceilings")).get(service);
        return ((Number) c.get("rps")).doubleValue();
    }

    private Map<String, Object> search(Map<String, Object> step) {
        List<String> paths = new ArrayList<>();
        List<Path> sqlFiles = new ArrayList<>();
        Set<String> zones = new HashSet<>();
        for (Geography.Commune c : population.largestCommunes(200)) {
            if (zones.size() < 8 && zones.add(c.zoneCode())) {
                String domain = SEARCH_DOMAINS.get(zones.size() % SEARCH_DOMAINS.size());
                paths.add("/api/v1/practitioners?area=ze:" + c.zoneCode() + "&domain=" + domain);
                Geography.Department d = geography.mainDepartmentOf(c.zoneCode()).orElseThrow();
                sqlFiles.add(pgbench.script("search-" + zones.size(), SearchSql.of(c.zoneCode(), d.code(),
                        d.regionCode(), domain, 20)));
            }
        }
        Http.Reply probe = Http.get(options.orientationUrl() + paths.get(0), null);
        if (probe.status() == 429) {
            throw new IllegalStateException("orientation-service rate-limits anonymous search (HTTP 429): start it with"
                    + " ORIENTATION_PORTAL_DEFAULT_REQUESTS_PER_MINUTE=1000000000 (see README.md)");
        }
        probe.require("search probe");
        long total = probe.json().path("total").asLong(-1);
        Console.info("Orientation search (zone + domain), " + paths.size() + " zones; first one finds " + total);
        Path script = wrk.script("search", Lua.rotating(paths, 0));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paths", paths);
        m.put("exampleTotal", total);
        m.put("full", series(options.orientationUrl(), () -> script, options.connections()));
        double max = (double) ((Map<?, ?>) m.get("full")).get("rps");
        double ceiling = ceilingOf(step, "orientation-service");
        m.put("ratioToHttpCeiling", Stats.round(max / ceiling, 3));

        // Latency at about half the maximum. wrk paces each connection with the script's delay(), in whole
        // milliseconds: a connection sends one request per delay plus response time. The connections for the
        // target are counted with the full load's median response time, an upper bound at half load (4 connections
        // at wrk's shortest delay, 1 ms, could not pace more than about 3 000 req/s).
        int delayMs = 10;
        double target = max / 2;
        double fullP50Ms = ((Number) ((Map<?, ?>) m.get("full")).get("p50ms")).doubleValue();
        int pacedConnections = (int) Math.max(options.threads(), Math.round(target * (delayMs + fullP50Ms) / 1000));
        Console.info("Orientation search paced at about " + Math.round(target) + " req/s (" + pacedConnections
                + " connections, " + delayMs + " ms between a connection's requests)");
        Path paced = wrk.script("search-paced", Lua.rotating(paths, delayMs));
        Map<String, Object> half = series(options.orientationUrl(), () -> paced, pacedConnections);
        half.put("targetRps", Stats.round(target, 1));
        m.put("atHalfThroughput", half);

        Console.info("pgbench: the same two statements per search against the orientation database");
        List<Double> tps = new ArrayList<>();
        List<Double> lat = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            PgBench.Result r = pgbench.run("orientation", sqlFiles, 8, options.durationSeconds());
            tps.add(r.tps());
            lat.add(r.latencyAvgMs());
        }
        Map<String, Object> pg = new LinkedHashMap<>();
        pg.put("tps", Stats.round(Stats.median(tps), 1));
        pg.put("latencyAvgMs", Stats.round(Stats.median(lat), 2));
        pg.put("clients", 8);
        pg.put("runs", tps.stream().map(t -> Stats.round(t, 1)).toList());
        Console.info("  -> " + pg.get("tps") + " searches/s in SQL alone");
        m.put("pgbench", pg);
        m.put("ratioToDatabaseCeiling", Stats.round(max / Stats.median(tps), 3));
        return m;
    }

    private Map<String, Object> verification(Map<String, Object> step) {
        List<String> sample = new ArrayList<>(labelNumbers.subList(0, Math.min(200, labelNumbers.size())));
        Map<String, Object> m = new LinkedHashMap<>();
        if (sample.isEmpty()) {
            m.put("skipped", "no label granted");
            return m;
        }
        List<String> paths = sample.stream().map(n -> "/api/v1/labels/" + n + "/verification").toList();
        Http.get(options.labellingUrl() + paths.get(0), null).require("verification probe");
        Console.info("Label verification (" + paths.size() + " label numbers, a different X-Forwarded-For client"
                + " address per request)");
        Path script = wrk.script("verify", Lua.verification(paths));
        m.put("full", series(options.labellingUrl(), () -> script, options.connections()));
        double max = (double) ((Map<?, ?>) m.get("full")).get("rps");
        m.put("ratioToHttpCeiling", Stats.round(max / ceilingOf(step, "labelling-service"), 3));
        Console.info("pgbench: the verification's two reads (label by number, holder's public name)");
        Path sql = pgbench.script("verify", VerificationSql.of(sample));
        List<Double> tps = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            tps.add(pgbench.run("labelling", List.of(sql), 8, options.durationSeconds()).tps());
        }
        m.put("pgbench", Map.of("tps", Stats.round(Stats.median(tps), 1), "clients", 8));
        Console.info("  -> " + Stats.round(Stats.median(tps), 1) + " verifications/s in SQL alone");
        m.put("ratioToDatabaseCeiling", Stats.round(max / Stats.median(tps), 3));
        return m;
    }

    private Map<String, Object> registration(Map<String, Object> step, int size) {
        Console.info("Registrations through POST /api/v1/practitioners (agent), then until the outbox is drained");
        List<Double> sustained = new ArrayList<>();
        List<Double> httpRps = new ArrayList<>();
        List<Double> drain = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Map<String, Object> body = population.registrationBody(5_000_000 + i);
            body.put("email", "EMAIL_PLACEHOLDER");
            templates.add(Http.write(body));
        }
        for (int run = 0; run < options.warmupRuns(); run++) {
            // Discarded, as in series(): its practitioners are not counted.
            wrk.run(options.registryUrl(), wrk.script("register", Lua.registration(templates, tokens.agent(),
                    options.runTag() + "s" + size + "w" + run)), options.connections(), options.durationSeconds());
            db.awaitOutboxEmpty("registry", 300);
        }
        for (int run = 0; run < options.runs(); run++) {
            Path script = wrk.script("register", Lua.registration(templates, tokens.agent(),
                    options.runTag() + "s" + size + "r" + run));
            long before = db.count("registry", "select count(*) from practitioner");
            long t0 = System.nanoTime();
            Wrk.Result r = wrk.run(options.registryUrl(), script, options.connections(), options.durationSeconds());
            double drained = db.awaitOutboxEmpty("registry", 300);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long created = db.count("registry", "select count(*) from practitioner") - before;
            double ok = r.okRps(options.durationSeconds());
            httpRps.add(ok);
            drain.add(drained);
            p99.add(r.p99());
            sustained.add(created / elapsed);
            runs.add(Map.of("created", created, "httpRps", Stats.round(ok, 1), "p99ms", Stats.round(r.p99(), 2),
                    "outboxDrainedAfterSeconds", Stats.round(drained, 2), "withEventsPerSecond",
                    Stats.round(created / elapsed, 1), "non2xx", r.non2xx()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("httpRps", Stats.round(Stats.median(httpRps), 1));
        m.put("p99ms", Stats.round(Stats.median(p99), 2));
        m.put("outboxDrainedAfterSeconds", Stats.round(Stats.median(drain), 2));
        m.put("withEventsPerSecond", Stats.round(Stats.median(sustained), 1));
        m.put("ratioToHttpCeiling", Stats.round(Stats.median(httpRps) / ceilingOf(step, "registry-service"), 3));
        m.put("runs", runs);
        Console.info("  -> " + m.get("httpRps") + " registrations/s over HTTP, " + m.get("withEventsPerSecond")
                + "/s counting until their events left the outbox");
        return m;
    }

    /** Grants the held applications one by one and times each until its practitioner is in the listing. */
    private Map<String, Object> propagation(List<Loader.Held> held) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        if (held.isEmpty()) {
            m.put("skipped", "no practitioner held back");
            return m;
        }
        Console.info("Propagation: granting " + held.size() + " labels, 10 per second, polling orientation's listing");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Double> latencies = new ConcurrentHashMap<>();
        Thread poller = new Thread(() -> {
            try (Connection c = db.connect("orientation")) {
                while (!Thread.currentThread().isInterrupted()) {
                    Set<String> pending = new HashSet<>(sentAt.keySet());
                    pending.removeAll(latencies.keySet());
                    if (!pending.isEmpty()) {
                        long now = System.nanoTime();
                        for (String n : Db.listed(c, pending)) {
                            latencies.put(n, (now - sentAt.get(n)) / 1e6);
                        }
                    }
                    if (!Pause.pause(2)) {
                        return;
                    }
                }
            } catch (Exception e) {
                Console.info("  poller stopped: " + e.getMessage());
            }
        }, "listing-poller");
        poller.start();
        String regulator = tokens.regulator();
        List<Double> grantMs = new ArrayList<>();
        for (Loader.Held h : held) {
            long t = System.nanoTime();
            sentAt.put(h.registryNumber(), t);
            loader.grant(h.applicationId(), h.etag(), h.scope(), regulator);
            grantMs.add((System.nanoTime() - t) / 1e6);
            Pause.pause(100 - (long) ((System.nanoTime() - t) / 1e6));
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (latencies.size() < held.size() && System.currentTimeMillis() < deadline) {
            Pause.pause(20);
        }
        poller.interrupt();
        poller.join();
        List<Double> values = new ArrayList<>(latencies.values());
        m.put("granted", held.size());
        m.put("visible", values.size());
        m.put("p50ms", Stats.round(Stats.percentile(values, 50), 1));
        m.put("p99ms", Stats.round(Stats.percentile(values, 99), 1));
        m.put("maxMs", Stats.round(Stats.percentile(values, 100), 1));
        m.put("grantCallP50ms", Stats.round(Stats.percentile(grantMs, 50), 1));
        Console.info("  -> visible in search's table: p50 " + m.get("p50ms") + " ms, p99 " + m.get("p99ms") + " ms ("
                + values.size() + "/" + held.size() + ")");
        return m;
    }

    private Map<String, Object> rebuild() {
        Map<String, Object> m = new LinkedHashMap<>();
        Console.info("Orientation read-model rebuild from Kafka");
        long t0 = System.nanoTime();
        Http.Reply r;
        try {
            r = Http.postOnce(options.orientationUrl() + "/api/v1/admin/read-model/rebuild", tokens.regulator(),
                    REBUILD_TIMEOUT);
        } catch (IOException e) {
            // Reported, not fatal: the step's other figures are still measured.
            m.put("failed", "no answer after " + Stats.round((System.nanoTime() - t0) / 1e9, 1) + " s: " + e);
            Console.info("  -> " + m.get("failed"));
            return m;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.status() == 409) {
            m.put("skipped", "rebuild disabled: start orientation-service with ORIENTATION_ADMIN_REBUILD_ENABLED=true");
            Console.info("  -> " + m.get("skipped"));
            return m;
        }
        if (!r.ok()) {
            m.put("failed", "HTTP " + r.status() + " after " + Stats.round(seconds, 1) + " s: "
                    + Http.abbreviate(r.body()));
            Console.info("  -> " + m.get("failed"));
            return m;
        }
        long registry = r.json().path("registryEvents").asLong();
        long labels = r.json().path("labelEvents").asLong();
        m.put("registryEvents", registry);
        m.put("labelEvents", labels);
        m.put("published", r.json().path("published").asLong());
        m.put("seconds", Stats.round(seconds, 2));
        m.put("eventsPerSecond", Stats.round((registry + labels) / seconds, 0));
        m.put("secondsPerMillionEventsExtrapolated", Stats.round(1_000_000 * seconds / (registry + labels), 0));
        Console.info("  -> " + (registry + labels) + " events in " + m.get("seconds") + " s");
        return m;
    }

    private Map<String, Object> startup() {
        Map<String, Object> m = new LinkedHashMap<>();
        int spare = 19_500;
        for (String service : SERVICES) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("startedInFromLastLog", Processes.startedInFromLog(options.logDir().resolve(service + ".log")));
            Long pid = pids.get(service);
            if (pid != null && options.startupRuns() > 0) {
                Console.info("Startup of a second " + service + " instance, " + options.startupRuns() + " times");
                List<Double> ready = new ArrayList<>();
                List<Double> startedIn = new ArrayList<>();
                List<Double> rss = new ArrayList<>();
                for (int i = 0; i < options.startupRuns(); i++) {
                    try {
                        Processes.Start st = Processes.timedStart(pid, Processes.port(url(service)), spare++,
                                Path.of(System.getProperty("java.io.tmpdir")));
                        ready.add(st.readySeconds());
                        startedIn.add(st.startedIn());
                        rss.add(st.rssMiB());
                    } catch (Exception e) {
                        notes.add(service + " timed start failed: " + e.getMessage());
                    }
                }
                s.put("processStartToReadySeconds", Stats.round(Stats.median(ready), 2));
                s.put("startedInSeconds", Stats.round(Stats.median(startedIn), 2));
                s.put("rssAfterStartMiB", Stats.round(Stats.median(rss), 1));
                s.put("runs", ready.stream().map(v -> Stats.round(v, 2)).toList());
                Console.info("  -> ready after " + s.get("processStartToReadySeconds") + " s (Quarkus: started in "
                        + s.get("startedInSeconds") + " s)");
            }
            m.put(service, s);
        }
        return m;
    }

    private void sampleRss() {
        while (true) {
            pids.forEach((service, pid) -> {
                Processes.memory(pid).ifPresent(sample -> peakMemory.merge(service, sample,
                        (peak, next) -> next.rssMiB() > peak.rssMiB() ? next : peak));
            });
            if (!Pause.pause(250)) {
                return;
            }
        }
    }

    static String today() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
