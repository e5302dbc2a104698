package fr.pairaidance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads practitioners THROUGH THE SERVICES: the bulk import of registry-service (CSV), then, for the
 * labelled subset, a recognition of prior experience (VAE) covering the common core (agent), an
 * application (agent), its assignment and grant (regulator) in labelling-service; for the published
 * subset, a Keycloak account per practitioner (admin REST API, in bulk), their own sign-in, the link of
 * their account ({@code GET /practitioners/me}) and their consent ({@code PUT .../consents}).
 */
final class Loader {

    /** Rows per import file: the 12 MB request limit holds about 70 000 of these rows. */
    static final int IMPORT_FILE_ROWS = 50_000;

    static final List<String> CORE_MODULES = List.of("CORE-1A", "CORE-1B", "CORE-2A", "CORE-2B", "CORE-2C");

    /** A practitioner whose application is assigned but not yet granted: granted later to time propagation. */
    record Held(String practitionerId, String registryNumber, String applicationId, String etag,
            Map<String, Object> scope) {
    }

    /** What one step of loading did, with timings in seconds. */
    record Step(int from, int to, int imported, int rejected, double importSeconds, double relaySeconds,
            double labellingConsumedSeconds, double orientationConsumedSeconds, int labelled, int published,
            double accountsSeconds, double labellingSeconds, double listingSeconds, List<Held> held,
            List<String> labelNumbers, String calls) {
    }

    /** Milliseconds spent per kind of call while labelling, and how many calls (printed after each step). */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder[]> timings =
            new java.util.concurrent.ConcurrentHashMap<>();

    private <T> T timed(String what, java.util.function.Supplier<T> call) {
        long t = System.nanoTime();
        try {
            return call.get();
        } finally {
            java.util.concurrent.atomic.LongAdder[] a = timings.computeIfAbsent(what,
                    k -> new java.util.concurrent.atomic.LongAdder[] {new java.util.concurrent.atomic.LongAdder(),
                        new java.util.concurrent.atomic.LongAdder()});
            a[0].add((System.nanoTime() - t) / 1_000_000);
            a[1].increment();
        }
    }

    String timingSummary() {
        StringBuilder sb = new StringBuilder();
        timings.forEach((k, a) -> sb.append(k).append(' ').append(a[1].sum()).append("× avg ")
                .append(a[1].sum() == 0 ? 0 : a[0].sum() / a[1].sum()).append(" ms; "));
        timings.clear();
        return sb.toString();
    }

    private final Options options;
    private final Tokens tokens;
    private final Population population;
    private final Db db;
    private int labelledSoFar;
    private int publishedSoFar;

    Loader(Options options, Tokens tokens, Population population, Db db) {
        this.options = options;
        this.tokens = tokens;
        this.population = population;
        this.db = db;
    }

    /**
     * One file of the rows {@code from..to-1} (the agencies' import limit is 100 000 rows): the time to the
     * job's end, then until every imported record is in labelling-service and orientation-service, checked
     * by id (the ids the registry gave them).
     */
    Map<String, Object> importOnce(int from, int to) {
        Console.info("One import of " + (to - from) + " rows, then each record's id in labelling and orientation");
        String csv = population.csv(from, to);
        long t0 = System.nanoTime();
        String jobUrl = Http.send("POST", options.registryUrl() + "/api/v1/imports", tokens.agent(), "text/csv", csv,
                Map.of("Idempotency-Key", "bench-once-" + options.runTag() + "-" + from)).require("POST /api/v1/imports")
                .location();
        JsonNode job;
        do {
            Pause.pause(100);
            job = Http.get(jobUrl, tokens.agent()).require("GET import job").json();
        } while ("RUNNING".equals(job.path("status").asText()));
        double imported = (System.nanoTime() - t0) / 1e9;
        List<String> ids = new ArrayList<>();
        for (String[] row : db.rows("registry", "select id, email from practitioner where email like ?",
                "%." + options.runTag() + "@bench.pairaidance.test")) {
            int index = Integer.parseInt(row[1].substring(1, row[1].indexOf('.')));
            if (index >= from && index < to) {
                ids.add(row[0]);
            }
        }
        String idList = String.join(",", ids);
        String byId = " where practitioner_id = any(string_to_array(?, ',')::uuid[])";
        db.awaitCount("labelling", "select count(*) from practitioner_eligibility" + byId, ids.size(), 600, idList);
        double inLabelling = (System.nanoTime() - t0) / 1e9;
        db.awaitCount("orientation", "select count(*) from registry_state" + byId, ids.size(), 600, idList);
        double inOrientation = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", to - from);
        m.put("status", job.path("status").asText());
        m.put("importedRows", job.path("importedRows").asInt());
        m.put("rejectedRows", job.path("rejectedRows").asInt());
        m.put("csvMiB", Stats.round(csv.length() / 1048576.0, 1));
        m.put("importedSeconds", Stats.round(imported, 1));
        m.put("everyIdInLabellingSeconds", Stats.round(inLabelling, 1));
        m.put("everyIdInOrientationSeconds", Stats.round(inOrientation, 1));
        m.put("visibleEverywhereSeconds", Stats.round(Math.max(inLabelling, inOrientation), 1));
        Console.info("  -> " + m);
        return m;
    }

    Step load(int from, int to, int holdForPropagation) throws Exception {
        long registryBefore = db.count("orientation", "select count(*) from registry_state");
        long eligibilityBefore = db.count("labelling", "select count(*) from practitioner_eligibility");
        long listingBefore = db.count("orientation", "select count(*) from listing");

        // 1. Bulk import, and its events delivered to both consumers. The request body is limited to 12 MB
        // (quarkus.http.limits.max-body-size of the platform), about 70 000 rows: larger steps are sent as
        // several files of at most IMPORT_FILE_ROWS rows, all submitted at once (the service runs them in turn).
        Console.info("Bulk import of practitioners " + from + ".." + (to - 1) + " (" + (to - from) + " rows)");
        List<String> csvs = new ArrayList<>();
        for (int f = from; f < to; f += IMPORT_FILE_ROWS) {
            csvs.add(population.csv(f, Math.min(to, f + IMPORT_FILE_ROWS)));
        }
        long t0 = System.nanoTime();
        List<String> jobUrls = new ArrayList<>();
        for (int i = 0; i < csvs.size(); i++) {
            Http.Reply submitted = Http.send("POST", options.registryUrl() + "/api/v1/imports", tokens.agent(),
                    "text/csv", csvs.get(i), Map.of("Idempotency-Key", "bench-" + options.runTag() + "-" + from + "-"
                            + to + "-" + i)).require("POST /api/v1/imports");
            jobUrls.add(submitted.location());
        }
        int imported = 0;
        int rejected = 0;
        for (String jobUrl : jobUrls) {
            JsonNode job;
            do {
                Pause.pause(200);
                job = Http.get(jobUrl, tokens.agent()).require("GET import job").json();
            } while ("RUNNING".equals(job.path("status").asText()));
            imported += job.path("importedRows").asInt();
            rejected += job.path("rejectedRows").asInt();
            if (!"DONE".equals(job.path("status").asText()) || job.path("rejectedRows").asInt() > 0) {
                Console.info("  import " + job.path("status").asText() + ", " + job.path("rejectedRows").asInt()
                        + " rejected, first: " + Http.abbreviate(job.path("rejections").toString()));
            }
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        Console.info("  " + jobUrls.size() + " file(s) imported");
        db.awaitOutboxEmpty("registry", 600);
        double relaySeconds = (System.nanoTime() - t0) / 1e9;
        db.awaitCount("labelling", "select count(*) from practitioner_eligibility", eligibilityBefore + imported, 900);
        double labellingConsumed = (System.nanoTime() - t0) / 1e9;
        db.awaitCount("orientation", "select count(*) from registry_state", registryBefore + imported, 900);
        double orientationConsumed = (System.nanoTime() - t0) / 1e9;
        Console.info(String.format("  %d imported in %.1f s; events relayed at %.1f s, applied by labelling at %.1f s,"
                + " by orientation at %.1f s", imported, importSeconds, relaySeconds, labellingConsumed,
                orientationConsumed));

        // 2. Ids of the imported rows (read-only), then the labelled and published subsets.
        Map<Integer, String[]> ids = new LinkedHashMap<>();
        for (String[] row : db.rows("registry", "select id, registry_number, email from practitioner where email like ?",
                "%." + options.runTag() + "@bench.pairaidance.test")) {
            int index = Integer.parseInt(row[2].substring(1, row[2].indexOf('.')));
            if (index >= from && index < to) {
                ids.put(index, row);
            }
        }
        List<Integer> labelled = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (ids.containsKey(i) && Population.labelled(i, options.labelledFraction())
                    && labelledSoFar + labelled.size() < options.maxLabelled() + holdForPropagation) {
                labelled.add(i);
            }
        }
        // Published: up to the cap over all steps, plus the practitioners held back to time propagation.
        int publishCount = Math.min(labelled.size(), Math.max(0, options.maxPublished() - publishedSoFar)
                + holdForPropagation);
        List<Integer> published = labelled.subList(0, publishCount);
        int hold = Math.min(holdForPropagation, publishCount);
        List<Integer> held = published.subList(publishCount - hold, publishCount);

        // 3. Keycloak accounts of the published practitioners, in bulk.
        long t1 = System.nanoTime();
        for (int i = 0; i < published.size(); i += 500) {
            List<String[]> accounts = new ArrayList<>();
            for (int index : published.subList(i, Math.min(published.size(), i + 500))) {
                accounts.add(new String[] {population.username(index), population.email(index)});
            }
            tokens.createPractitionerAccounts(accounts);
        }
        double accountsSeconds = (System.nanoTime() - t1) / 1e9;
        Console.info(String.format("  %d Keycloak accounts created in %.1f s", published.size(), accountsSeconds));

        // 4. Per practitioner: VAE, (sign-in, link, consent), application, assignment, grant.
        long t2 = System.nanoTime();
        List<Held> heldOut = Collections.synchronizedList(new ArrayList<>());
        List<String> labelNumbers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.loadConcurrency());
        List<Future<?>> futures = new ArrayList<>();
        java.util.Set<Integer> publishedSet = new java.util.HashSet<>(published);
        java.util.Set<Integer> heldSet = new java.util.HashSet<>(held);
        long labellingDeadline = options.labellingMinutes() <= 0 ? Long.MAX_VALUE
                : t2 + options.labellingMinutes() * 60_000_000_000L;
        AtomicInteger skipped = new AtomicInteger();
        for (int index : labelled) {
            futures.add(pool.submit(() -> {
                if (System.nanoTime() > labellingDeadline) {
                    skipped.incrementAndGet();
                    return;
                }
                try {
                    label(index, ids.get(index), publishedSet.contains(index), heldSet.contains(index), heldOut,
                            labelNumbers);
                } catch (RuntimeException e) {
                    if (failed.incrementAndGet() <= 5) {
                        Console.info("  practitioner " + index + " not labelled: " + e.getMessage());
                    }
                }
                int n = done.incrementAndGet();
                if (n % 1000 == 0) {
                    Console.info(String.format("  %d / %d labelled (%.0f /s)", n, labelled.size(),
                            n / ((System.nanoTime() - t2) / 1e9)));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double labellingSeconds = (System.nanoTime() - t2) / 1e9;
        labelledSoFar += labelled.size() - hold;
        publishedSoFar += published.size() - hold;
        Console.info(String.format("  %d labelled (%d published, %d held for propagation) in %.1f s, %d failed, %d"
                + " left out after -Dbench.labelling-minutes", labelled.size() - hold - skipped.get(),
                published.size() - hold, hold, labellingSeconds, failed.get(), skipped.get()));
        String calls = timingSummary();
        Console.info("  calls: " + calls);

        // 5. Until orientation lists them.
        long t3 = System.nanoTime();
        db.awaitCount("orientation", "select count(*) from listing",
                listingBefore + published.size() - hold - failed.get() - skipped.get(), 600);
        double listingSeconds = (System.nanoTime() - t3) / 1e9;
        return new Step(from, to, imported, rejected, importSeconds, relaySeconds, labellingConsumed,
                orientationConsumed, labelled.size() - skipped.get(), published.size() - skipped.get(), accountsSeconds, labellingSeconds,
                listingSeconds, heldOut, labelNumbers, calls);
    }

    private void label(int index, String[] ids, boolean publish, boolean hold, List<Held> heldOut,
            List<String> labelNumbers) {
        String id = ids[0];
        Population.Person p = population.person(index);
        String agent = tokens.agent();
        timed("vae", () -> Http.postJson(options.registryUrl() + "/api/v1/practitioners/" + id
                + "/training/prior-experience", agent,
                Map.of("moduleCodes", CORE_MODULES, "decidedOn", LocalDate.now().minusDays(30).toString(),
                        "evidenceReference", "VAE-BENCH-" + index),
                Map.of("Idempotency-Key", "vae-" + options.runTag() + "-" + index)).require("VAE"));
        if (publish) {
            String own = timed("keycloak-sign-in", () -> tokens.password(population.username(index), Tokens.PASSWORD));
            timed("me", () -> Http.get(options.registryUrl() + "/api/v1/practitioners/me", own)
                    .require("GET /practitioners/me"));
            Map<String, Object> consent = new LinkedHashMap<>();
            for (String field : List.of("listed", "domains", "appellations", "formats", "languages", "commune",
                    "contact")) {
                consent.put(field, true);
            }
            timed("consent", () -> Http.send("PUT", options.registryUrl() + "/api/v1/practitioners/" + id
                    + "/consents", own, "application/json", Http.write(consent), Map.of()).require("PUT consents"));
        }
        Map<String, Object> scope = Map.of("domains", p.domains(), "appellations", p.appellations());
        Http.Reply application = null;
        long deadline = System.currentTimeMillis() + 180_000;
        while (application == null || application.status() == 422) {
            application = timed("application", () -> Http.postJson(options.labellingUrl() + "/api/v1/applications",
                    agent, Map.of("practitionerId", id, "scope", scope),
                    Map.of("Idempotency-Key", "app-" + options.runTag() + "-" + index)));
            if (application.status() == 422) {
                if (System.currentTimeMillis() > deadline) {
                    break;
                }
                timed("wait-for-core-completed-event", () -> {
                    Pause.pause(100); // the core-completed event has not reached labelling yet
                    return null;
                });
            }
        }
        application.require("POST /applications");
        String applicationId = application.json().get("id").asText();
        String regulator = tokens.regulator();
        String etag = application.etag();
        Http.Reply assigned = timed("assignment", () -> Http.send("POST", options.labellingUrl()
                + "/api/v1/applications/" + applicationId + "/assignment", regulator, null, null,
                Map.of("If-Match", etag)).require("assignment"));
        if (hold) {
            heldOut.add(new Held(id, ids[1], applicationId, assigned.etag(), scope));
            return;
        }
        Http.Reply granted = timed("grant", () -> grant(applicationId, assigned.etag(), scope, regulator));
        JsonNode labelNumber = granted.json().path("labelNumber");
        if (!labelNumber.isMissingNode() && !labelNumber.isNull()) {
            labelNumbers.add(labelNumber.asText());
        }
    }

    Http.Reply grant(String applicationId, String etag, Map<String, Object> scope, String regulator) {
        return Http.postJson(options.labellingUrl() + "/api/v1/applications/" + applicationId + "/grant", regulator,
                Map.of("reason", "Common core recognised (benchmark)", "scope", scope), Map.of("If-Match", etag))
                .require("grant");
    }
}
