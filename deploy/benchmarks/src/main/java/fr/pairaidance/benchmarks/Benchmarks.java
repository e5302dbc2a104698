package fr.pairaidance.benchmarks;

import fr.pairaidance.platform.reference.Geography;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark command ({@code ./mvnw -Pbenchmark -pl deploy/benchmarks}): loads practitioners through
 * the running services in steps, measures each step with an open-model load generator (Gatling) against
 * the ceiling of each service measured the same way, and writes deploy/docs/benchmarks.md and
 * benchmarks.json. See README.md.
 */
public final class Benchmarks {

    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(20);
    static final String[] SERVICES = {"registry-service", "labelling-service", "orientation-service"};
    /** The latency objective of every capacity: what a portal's page and an employer can wait for. */
    static final double P99_OBJECTIVE_MS = 50;
    /** The unmeasured run before each capacity search: its length and how many requests it draws from. */
    private static final int WARM_UP_SECONDS = 40;
    private static final int WARM_UP_ROWS = 20_000;
    private static final String OWN_JVM = "bench.own-jvm";

    private final Options options;
    private final Tokens tokens;
    private final Db db;
    private final Geography geography = new Geography();
    private final Population population;
    private final PortalMix portalMix;
    private final PgBench pgbench;
    private final Loader loader;
    private final LoadGenerator generator;
    private final Capacity capacity;
    private final Path work;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    /** Per process, the sample with the highest resident memory since the step's measurements began. */
    private final Map<String, Processes.Memory> peakMemory = new ConcurrentHashMap<>();
    /** Per process, the highest resident memory over the whole run (import and starts included). */
    private final Map<String, Processes.Memory> runPeakMemory = new ConcurrentHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private Benchmarks(Options options, Path work) throws IOException {
        this.options = options;
        this.work = work;
        this.tokens = new Tokens(options.keycloakUrl());
        this.db = new Db(options);
        this.population = new Population(geography, options.runTag());
        this.portalMix = new PortalMix(population, geography);
        this.pgbench = new PgBench(options, work);
        this.loader = new Loader(options, tokens, population, db);
        this.generator = new LoadGenerator(work);
        this.capacity = new Capacity(generator, options.durationSeconds(), options.runs());
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(OWN_JVM) == null) {
            System.exit(inOwnJvm());
        }
        Options options = Options.fromSystemProperties();
        if (Boolean.getBoolean("bench.render-only")) {
            // Writes benchmarks.md again from benchmarks.json (after editing method.md or findings.md).
            Path json = options.outputDir().resolve("benchmarks.json");
            Files.writeString(options.outputDir().resolve("benchmarks.md"),
                    Report.markdown(Http.JSON.readTree(json.toFile())));
            Console.info("Rendered " + options.outputDir().resolve("benchmarks.md") + " from " + json);
            return;
        }
        if (!options.loadOnly()) {
            PgBench.locate();
        }
        Path work = Files.createTempDirectory("pairaidance-bench-");
        long started = System.nanoTime();
        Map<String, Object> report = new Benchmarks(options, work).run();
        if (options.loadOnly()) {
            System.exit(0);
        }
        report.put("totalMinutes", Stats.round((System.nanoTime() - started) / 6e10, 1));
        if (options.append()) {
            report = Report.appended(options, report);
        }
        Report.write(options, report);
        Console.info("Written " + options.outputDir().resolve("benchmarks.md") + " and benchmarks.json ("
                + report.get("totalMinutes") + " min)");
        System.exit(0);
    }

    /**
     * Runs this command again in a JVM of its own, whose class path is this module's (each Gatling run is
     * started from it) and whose heap is not Maven's; the {@code bench.*} options are passed on.
     */
    private static int inOwnJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-XX:+UseParallelGC", "-D" + OWN_JVM + "=true"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> classpath = new ArrayList<>();
        for (java.net.URL url : ((java.net.URLClassLoader) loader).getURLs()) {
            classpath.add(Path.of(url.toURI()).toString());
        }
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath), Benchmarks.class.getName()));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
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
                "trialSeconds", options.durationSeconds(), "runs", options.runs(), "writesPerSecond",
                options.writesPerSecond(), "mixRows", options.mixRows(), "p99ObjectiveMs", P99_OBJECTIVE_MS,
                "runTag", options.runTag()));
        for (String service : SERVICES) {
            int status = Http.status(url(service) + "/q/health/ready");
            if (status != 200) {
                throw new IllegalStateException(service + " is not ready at " + url(service) + " (HTTP " + status
                        + "): start the local system first (./mvnw -Prun, see README.md)");
            }
            Processes.pidOf(Processes.port(url(service))).ifPresentOrElse(pid -> pids.put(service, pid),
                    () -> notes.add(service + ": process not found on this machine, no memory figures"));
        }
        Processes.launcherPid().ifPresentOrElse(pid -> pids.put("launcher", pid),
                () -> notes.add("the run command's JVM was not found: no launcher memory figure"));
        Console.info("Services ready; processes " + pids + "; run tag " + options.runTag());
        pids.values().stream().findFirst().ifPresent(pid -> machine.put("servicesJvm", Processes.jvmOf(pid)));
        if (pids.containsKey("launcher")) {
            machine.put("launcherJvm", Processes.jvmOf(pids.get("launcher")));
        }
        tokens.agent();
        tokens.regulator();

        Thread sampler = new Thread(this::sampleRss, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();

        List<Map<String, Object>> steps = new ArrayList<>();
        int loaded = Math.toIntExact(db.count("registry", "select count(*) from practitioner"));
        for (int size : options.sizes()) {
            if (size <= 0) {
                // -Dbench.sizes=0: no step, the import and the starts only.
                continue;
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("practitioners", size);
            if (size > loaded) {
                Loader.Step load;
                try (AutoCloseable cheapSignIns = tokens.cheapPasswordHashing()) {
                    load = loader.load(loaded, size, 0);
                }
                step.put("load", loadFigures(load));
                loaded = size;
            } else {
                step.put("load", Map.of("alreadyLoaded", loaded));
            }
            if (options.loadOnly()) {
                Console.info("Loaded " + size + " (load only): " + Http.write(step));
                continue;
            }
            steps.add(measure(step));
            Console.info("Step " + size + " done: " + Http.write(step));
        }
        if (options.loadOnly()) {
            return report;
        }
        report.put("steps", steps);
        if (options.importRows() > 0) {
            report.put("import", loader.importOnce(loaded, loaded + options.importRows()));
        }
        if (options.startupRuns() > 0) {
            report.put("startup", startup());
        }
        Map<String, Object> runPeaks = new LinkedHashMap<>();
        runPeakMemory.forEach((process, peak) -> runPeaks.put(process, Stats.round(peak.rssMiB(), 1)));
        report.put("maxRssOverRunMiB", runPeaks);
        report.put("loadAverageAtEnd", Machine.loadAverage());
        report.put("notes", notes);
        return report;
    }

    /** Every figure of one step, on the system as loaded. */
    private Map<String, Object> measure(Map<String, Object> step) throws Exception {
        List<String> labelNumbers = db.rows("labelling", "select number from label order by number").stream()
                .map(r -> r[0]).toList();
        List<Writes.Listed> listed = db.rows("orientation", "select label_number, registry_number from listing"
                + " where label_number is not null order by registry_number").stream()
                .map(r -> new Writes.Listed(r[0], r[1])).toList();
        step.put("readModel", Map.of(
                "registryRecords", db.count("registry", "select count(*) from practitioner"),
                "labels", labelNumbers.size(),
                "listing", listed.size()));
        Console.info("Step " + step.get("practitioners") + ": " + step.get("readModel"));
        if (labelNumbers.isEmpty() || listed.isEmpty()) {
            throw new IllegalStateException("nothing labelled or listed: the mix needs labels and a listing");
        }
        long seed = ((Number) step.get("practitioners")).longValue();
        Path portal = portalMix.portal(work.resolve("portal.tsv"), new PortalMix.Data(labelNumbers,
                listed.stream().map(Writes.Listed::registryNumber).toList(), revalidations(seed),
                options.orientationUrl(), options.labellingUrl()), options.mixRows(), seed);
        Path verifications = portalMix.verifications(work.resolve("verifications.tsv"), new PortalMix.Data(
                labelNumbers, List.of(), List.of(), options.orientationUrl(), options.labellingUrl()),
                options.mixRows(), seed + 1);
        Path searches = portalMix.searches(work.resolve("searches.tsv"), options.orientationUrl(), options.mixRows(),
                seed + 2);
        // Drawn with other seeds: they compile the services' code paths without warming a measured request.
        Path portalWarmUp = portalMix.portal(work.resolve("portal-warm-up.tsv"), new PortalMix.Data(labelNumbers,
                listed.stream().map(Writes.Listed::registryNumber).toList(), revalidations(seed + 12),
                options.orientationUrl(), options.labellingUrl()), WARM_UP_ROWS, seed + 10);
        Path verificationsWarmUp = portalMix.verifications(work.resolve("verifications-warm-up.tsv"),
                new PortalMix.Data(labelNumbers, List.of(), List.of(), options.orientationUrl(),
                        options.labellingUrl()), WARM_UP_ROWS, seed + 11);
        long[] distinct = PortalMix.distinct(portal);
        step.put("mix", Map.of("rows", options.mixRows(), "distinctUrls", distinct[0], "distinctAreas", distinct[1]));
        peakMemory.clear();

        Map<String, Object> ceilings = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path ping = PortalMix.ping(work.resolve("ping-" + service + ".tsv"), url(service), 1);
            generator.run(ping, 200, options.durationSeconds());
            ceilings.put(service, capacity.find("ceiling " + service + " (GET /ping)", ping, 2000, P99_OBJECTIVE_MS));
        }
        step.put("ceilings", ceilings);

        Writes writes = new Writes(options.labellingUrl(), options.orientationUrl(), tokens, listed);
        try {
            writes.start(options.writesPerSecond());
            Map<String, long[]> orientationBefore = CacheMetrics.read(options.orientationUrl());
            Map<String, long[]> labellingBefore = CacheMetrics.read(options.labellingUrl());
            warmUp("portal mix", portalWarmUp, 50);
            Map<String, Object> mix = capacity.find("portal mix", portal, 100, P99_OBJECTIVE_MS);
            mix.put("ratioToOrientationCeiling", ratio(mix, ceilings.get("orientation-service")));
            Map<String, Object> hitRates = new LinkedHashMap<>(CacheMetrics.hitRates(orientationBefore,
                    CacheMetrics.read(options.orientationUrl())));
            hitRates.putAll(CacheMetrics.hitRates(labellingBefore, CacheMetrics.read(options.labellingUrl())));
            mix.put("cacheHitRates", hitRates);
            step.put("portalMix", mix);

            warmUp("verification", verificationsWarmUp, 200);
            Map<String, Object> verification = capacity.find("verification", verifications, 200, P99_OBJECTIVE_MS);
            verification.put("ratioToLabellingCeiling", ratio(verification, ceilings.get("labelling-service")));
            step.put("verification", verification);

            // The capacity searches run above capacity on purpose: their decisions are reported apart.
            step.put("propagationDuringCapacitySearches", writes.figures());
            writes.reset();
            double half = Math.max(10, Math.floor(capacityOf(mix) / 2));
            Console.info("Portal mix at half its capacity, " + half + "/s, " + options.operatingSeconds() + " s");
            orientationBefore = CacheMetrics.read(options.orientationUrl());
            LoadGenerator.Run operating = generator.run(portal, half, options.operatingSeconds());
            Map<String, Object> atHalf = Capacity.summary(List.of(operating));
            atHalf.put("cacheHitRates", CacheMetrics.hitRates(orientationBefore,
                    CacheMetrics.read(options.orientationUrl())));
            step.put("portalMixAtHalfCapacity", atHalf);
        } finally {
            writes.pause();
            step.put("propagation", writes.figures());
            writes.close();
        }
        Console.info("  -> propagation " + step.get("propagation"));
        step.put("uncachedSearch", uncachedSearch(searches, capacityOf(ceilings.get("orientation-service"))));
        step.put("pgbench", pgbenchSearch());
        Map<String, Object> rss = new LinkedHashMap<>();
        peakMemory.forEach((process, peak) -> rss.put(process, Map.of("rssMiB", Stats.round(peak.rssMiB(), 1),
                "anonymousMiB", Stats.round(peak.anonymousMiB(), 1), "fileBackedMiB",
                Stats.round(peak.fileBackedMiB(), 1))));
        step.put("maxRss", rss);
        if (options.rebuild().equals("all")) {
            step.put("rebuild", rebuild());
        }
        return step;
    }

    /**
     * An unmeasured run before a capacity search, as a service in production has run for a while: the
     * services' JIT compiles the load's code paths (their thresholds are raised to save memory), which the
     * first trials of the search otherwise pay for.
     */
    private void warmUp(String what, Path load, double rate) throws IOException {
        Console.info("Warm-up of the " + what + " (not measured, other requests): " + rate + "/s, "
                + WARM_UP_SECONDS + " s");
        generator.run(load, rate, WARM_UP_SECONDS);
    }

    /** Search URLs with the ETag of their answer now: the revalidations of the mix. */
    private List<String[]> revalidations(long seed) {
        List<String[]> known = new ArrayList<>();
        for (String url : portalMix.distinctSearches(options.orientationUrl(), 500, seed + 3)) {
            Http.Reply reply = Http.get(url, null);
            if (reply.status() == 429) {
                throw new IllegalStateException("orientation-service rate-limits anonymous search (HTTP 429): start"
                        + " it with ORIENTATION_PORTAL_DEFAULT_REQUESTS_PER_MINUTE=1000000000 (see README.md)");
            }
            if (reply.ok() && reply.etag() != null) {
                known.add(new String[] {url, reply.etag()});
            }
        }
        return known;
    }

    /**
     * API searches against a second orientation-service instance whose caches hold nothing, at a fifth of
     * the orientation ceiling's capacity: what a search costs when no cache helps.
     */
    private Map<String, Object> uncachedSearch(Path searches, double orientationCeiling) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        Long pid = pids.get("orientation-service");
        if (pid == null || orientationCeiling <= 0) {
            m.put("skipped", "orientation-service process or ceiling unknown");
            return m;
        }
        int port = 19_400;
        double rate = Math.floor(orientationCeiling / 5);
        Console.info("Search without caches (second orientation instance on " + port + ", cache sizes 0) at "
                + rate + "/s");
        try (Processes.Instance instance = Processes.secondInstance(pid, Processes.port(options.orientationUrl()),
                port, work, List.of("-Dquarkus.cache.caffeine.\"orientation-search-answers\".maximum-size=0",
                        "-Dquarkus.cache.caffeine.\"orientation-search-aggregates\".maximum-size=0"))) {
            instance.awaitReady();
            Path local = Files.writeString(work.resolve("searches-uncached.tsv"), Files.readString(searches)
                    .replace(options.orientationUrl(), "http://localhost:" + port));
            // Unmeasured: the new JVM loads the listing index and compiles the search (no cache to warm).
            generator.run(local, Math.max(5, rate / 2), WARM_UP_SECONDS);
            List<LoadGenerator.Run> runs = new ArrayList<>();
            for (int i = 0; i < options.runs(); i++) {
                LoadGenerator.Run run = generator.run(local, rate, options.durationSeconds());
                Console.info(String.format("  uncached search at %.0f/s: served %.0f/s, p50 %.0f ms, p99 %.0f ms",
                        rate, run.all().perSecond(), run.all().p50(), run.all().p99()));
                runs.add(run);
            }
            m.putAll(Capacity.summary(runs));
            m.put("ratioOfOrientationCeiling", 0.2);
        }
        return m;
    }

    /** The search's three statements in SQL alone (pgbench), over the employment zones of the largest cities. */
    private Map<String, Object> pgbenchSearch() throws Exception {
        List<Path> sqlFiles = new ArrayList<>();
        List<String> domains = List.of("MENTAL_HEALTH", "ADDICTION", "CHRONIC_ILLNESS", "FAMILY_CAREGIVING");
        java.util.Set<String> zones = new java.util.HashSet<>();
        for (Geography.Commune c : population.largestCommunes(200)) {
            if (zones.size() < 8 && zones.add(c.zoneCode())) {
                Geography.Department d = geography.mainDepartmentOf(c.zoneCode()).orElseThrow();
                sqlFiles.add(pgbench.script("search-" + zones.size(), SearchSql.of(c.zoneCode(), d.code(),
                        d.regionCode(), domains.get(zones.size() % domains.size()), 20)));
            }
        }
        Console.info("pgbench: the search's statements against the orientation database, 8 clients");
        List<Double> tps = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            PgBench.Result r = pgbench.run("orientation", sqlFiles, 8, options.durationSeconds());
            tps.add(r.tps());
            latency.add(r.latencyAvgMs());
        }
        Console.info("  -> " + Stats.round(Stats.median(tps), 1) + " searches/s in SQL alone");
        return Map.of("searchesPerSecond", Stats.spread(tps), "latencyAvgMs", Stats.spread(latency), "clients", 8);
    }

    private static double capacityOf(Object capacityFigures) {
        return ((Number) ((Map<?, ?>) capacityFigures).get("capacityPerSecond")).doubleValue();
    }

    private static double ratio(Map<String, Object> figure, Object ceiling) {
        double c = capacityOf(ceiling);
        return c <= 0 ? Double.NaN : Stats.round(capacityOf(figure) / c, 3);
    }

    private Map<String, Object> loadFigures(Loader.Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rowsImported", s.imported());
        m.put("rowsRejected", s.rejected());
        m.put("importSeconds", Stats.round(s.importSeconds(), 2));
        m.put("eventsAppliedByOrientationSeconds", Stats.round(s.orientationConsumedSeconds(), 2));
        m.put("labelled", s.labelled());
        m.put("published", s.published());
        m.put("keycloakAccountsSeconds", Stats.round(s.accountsSeconds(), 1));
        m.put("labellingPipelineSeconds", Stats.round(s.labellingSeconds(), 1));
        m.put("labelledPerSecond", Stats.round(s.labelled() / Math.max(0.001, s.labellingSeconds()), 1));
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
        java.util.concurrent.atomic.AtomicBoolean coldPageCache = new java.util.concurrent.atomic.AtomicBoolean();
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
                        coldPageCache.set(Processes.dropPageCache());
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
        m.put("coldPageCache", coldPageCache.get());
        if (!coldPageCache.get()) {
            notes.add("starts were timed with the page cache as it was: dropping it needs root");
        }
        return m;
    }

    private void sampleRss() {
        while (true) {
            pids.forEach((service, pid) -> {
                Processes.memory(pid).ifPresent(sample -> {
                    peakMemory.merge(service, sample, (peak, next) -> next.rssMiB() > peak.rssMiB() ? next : peak);
                    runPeakMemory.merge(service, sample, (peak, next) -> next.rssMiB() > peak.rssMiB() ? next : peak);
                });
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
