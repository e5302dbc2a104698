package fr.pairaidance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes benchmarks.json (every figure) and benchmarks.md (the tables, the method, the findings). */
final class Report {

    private Report() {
    }

    static void write(Options options, Map<String, Object> report) throws IOException {
        Files.createDirectories(options.outputDir());
        String json = Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(options.outputDir().resolve("benchmarks.json"), json + "\n", StandardCharsets.UTF_8);
        Files.writeString(options.outputDir().resolve("benchmarks.md"), markdown(Http.JSON.readTree(json)),
                StandardCharsets.UTF_8);
    }

    /**
     * This run's figures added to those of the report already written (-Dbench.append): its steps replace
     * the same steps there, the others stay; the import, starts and memory of the run stay unless measured
     * again; the run times add up.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> appended(Options options, Map<String, Object> run) throws IOException {
        java.nio.file.Path json = options.outputDir().resolve("benchmarks.json");
        if (!Files.exists(json)) {
            return run;
        }
        Map<String, Object> earlier = Http.JSON.readValue(json.toFile(), Map.class);
        java.util.TreeMap<Integer, Object> steps = new java.util.TreeMap<>();
        for (Object s : (List<Object>) earlier.getOrDefault("steps", List.of())) {
            steps.put(((Number) ((Map<String, Object>) s).get("practitioners")).intValue(), s);
        }
        for (Object s : (List<Object>) run.getOrDefault("steps", List.of())) {
            steps.put(((Number) ((Map<String, Object>) s).get("practitioners")).intValue(), s);
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(run);
        merged.put("steps", new java.util.ArrayList<>(steps.values()));
        for (String part : List.of("import", "startup")) {
            if (!run.containsKey(part) && earlier.containsKey(part)) {
                merged.put(part, earlier.get(part));
            }
        }
        Map<String, Object> peaks = new java.util.LinkedHashMap<>((Map<String, Object>) earlier.getOrDefault(
                "maxRssOverRunMiB", Map.of()));
        ((Map<String, Object>) run.getOrDefault("maxRssOverRunMiB", Map.of())).forEach((process, mib) -> peaks.merge(
                process, mib, (a, b) -> ((Number) a).doubleValue() >= ((Number) b).doubleValue() ? a : b));
        merged.put("maxRssOverRunMiB", peaks);
        List<Object> notes = new java.util.ArrayList<>((List<Object>) earlier.getOrDefault("notes", List.of()));
        ((List<Object>) run.getOrDefault("notes", List.of())).stream().filter(n -> !notes.contains(n))
                .forEach(notes::add);
        merged.put("notes", notes);
        merged.put("totalMinutes", Stats.round(((Number) earlier.getOrDefault("totalMinutes", 0)).doubleValue()
                + ((Number) run.get("totalMinutes")).doubleValue(), 1));
        ((Map<String, Object>) merged.get("machine")).put("firstRunDate", ((Map<String, Object>) earlier
                .getOrDefault("machine", Map.of())).getOrDefault("firstRunDate",
                ((Map<String, Object>) earlier.getOrDefault("machine", Map.of())).get("date")));
        return merged;
    }

    static String markdown(JsonNode r) {
        StringBuilder md = new StringBuilder();
        JsonNode machine = r.path("machine");
        JsonNode steps = r.path("steps");
        JsonNode o = r.path("options");
        md.append("# Benchmarks\n\n")
                .append("What users meet, measured on one machine with an open-model load generator, each figure next"
                        + " to the ceiling of the same service measured the same way in the same run. Written by\n\n"
                        + "```\n./mvnw -Pbenchmark -pl deploy/benchmarks\n```\n\n"
                        + "(see [`deploy/benchmarks/README.md`](../benchmarks/README.md)); every number is in"
                        + " [`benchmarks.json`](benchmarks.json). Figures, not pass/fail tests. A figure written"
                        + " `m [a–b]` is the median of " + o.path("runs").asText() + " runs with their minimum and"
                        + " maximum.\n\n");
        md.append("## Machine\n\n| | |\n|---|---|\n");
        for (String k : List.of("date", "commit", "cores", "cpu", "memoryGiB", "os", "java", "servicesJvm",
                "launcherJvm", "postgresql", "pgbench", "loadGenerator", "loadAverageAtStart")) {
            md.append("| ").append(k).append(" | ").append(machine.path(k).asText()).append(" |\n");
        }
        md.append("| loadAverageAtEnd | ").append(r.path("loadAverageAtEnd").asText()).append(" |\n")
                .append("| run time | ").append(r.path("totalMinutes").asText()).append(" min |\n\n");
        md.append("Each load run lasts ").append(o.path("trialSeconds").asText()).append(" s (the half-capacity run ")
                .append(r.at("/steps/0/portalMixAtHalfCapacity/runs").isMissingNode() ? "" : "longer")
                .append("); the latency objective of every capacity is p99 ≤ ")
                .append(num(o.path("p99ObjectiveMs"))).append(" ms; the regulator's decisions run at ")
                .append(num(o.path("writesPerSecond"))).append(" per second during the mix and verification runs."
                        + " The load generator, PostgreSQL, Kafka and Keycloak share the same 2 cores as the"
                        + " services.\n\n");

        md.append("## Figures against the targets\n\n| figure | target |");
        steps.forEach(s -> md.append(" ").append(num(s.path("practitioners"))).append(" registered |"));
        md.append("\n|---|---|");
        steps.forEach(s -> md.append("---|"));
        md.append("\n");
        row(md, steps, "listed (labelled and published) / labels", "", s -> num(s.at("/readModel/listing")) + " / "
                + num(s.at("/readModel/labels")));
        for (String service : Benchmarks.SERVICES) {
            row(md, steps, "HTTP ceiling " + service + ": GET /ping capacity (/s)", "", s -> capacity(
                    s.at("/ceilings/" + service)));
        }
        row(md, steps, "portal mix capacity at p99 ≤ 50 ms (/s)", "≥ 25 % of orientation's ceiling",
                s -> capacity(s.path("portalMix")) + " = **" + pct(s.at("/portalMix/ratioToOrientationCeiling"))
                        + "**");
        row(md, steps, "… p50 / p99 at that capacity (ms)", "", s -> spread(s.at("/portalMix/atCapacity/all/p50"))
                + " / " + spread(s.at("/portalMix/atCapacity/all/p99")));
        row(md, steps, "search without caches: p99 at 20 % of the ceiling (ms)", "≤ 30 ms",
                s -> "**" + spread(s.at("/uncachedSearch/all/p99")) + "** at " + num(s.at("/uncachedSearch/ratePerSecond"))
                        + "/s (p50 " + spread(s.at("/uncachedSearch/all/p50")) + ")");
        row(md, steps, "label verification capacity, receipts at 10 % (/s)", "≥ 50 % of labelling's ceiling",
                s -> capacity(s.path("verification")) + " = **" + pct(s.at("/verification/ratioToLabellingCeiling"))
                        + "**");
        row(md, steps, "propagation under the mix at half its capacity, decision → public page (ms)",
                "p50 ≤ 100, p99 ≤ 500", s -> propagation(s.path("propagation"), true));
        row(md, steps, "… during the capacity searches (runs above capacity included)", "",
                s -> propagation(s.path("propagationDuringCapacitySearches"), false));
        row(md, steps, "results page p95 at half the mix's capacity (ms)", "≤ 100 ms",
                s -> "**" + spread(s.at("/portalMixAtHalfCapacity/byKind/results-page/p95")) + "** at "
                        + num(s.at("/portalMixAtHalfCapacity/ratePerSecond")) + "/s");
        row(md, steps, "results page p95 at the mix's capacity (ms)", "", s -> spread(s.at(
                "/portalMix/atCapacity/byKind/results-page/p95")));
        for (String cache : List.of("orientation-search-answers", "orientation-search-aggregates",
                "labelling-verification")) {
            row(md, steps, "cache hit rate " + cache + " (mix and verification runs)", "",
                    s -> pct(s.at("/portalMix/cacheHitRates/" + cache + "/hitRate")) + " of "
                            + num(s.at("/portalMix/cacheHitRates/" + cache + "/gets")));
        }
        row(md, steps, "search aggregates counted by the listing index, not SQL (mix and verification runs)", "",
                s -> pct(s.at("/portalMix/cacheHitRates/" + CacheMetrics.LISTING_INDEX + "/hitRate")) + " of "
                        + num(s.at("/portalMix/cacheHitRates/" + CacheMetrics.LISTING_INDEX + "/gets")));
        row(md, steps, "search statements in SQL alone, pgbench 8 clients (searches/s)", "",
                s -> spread(s.at("/pgbench/searchesPerSecond")));
        for (String process : List.of("registry-service", "labelling-service", "orientation-service", "launcher")) {
            row(md, steps, "max RSS " + process + " during the step (MiB)", process.equals("launcher")
                    ? "≤ 512 MiB" : "≤ 400 MiB", s -> "**" + num(s.at("/maxRss/" + process + "/rssMiB")) + "**");
        }
        md.append("\nRatios compare capacities at the same objective: a ceiling is what the service's HTTP layer"
                + " answers at p99 ≤ 50 ms with nothing behind it, on this machine, with this generator.\n\n");

        md.append("## Each kind of request at the mix's capacity\n\np50 / p95 / p99 in ms (medians of the runs);"
                + " share of the requests.\n\n| kind |");
        steps.forEach(s -> md.append(" ").append(num(s.path("practitioners"))).append(" registered |"));
        md.append("\n|---|");
        steps.forEach(s -> md.append("---|"));
        md.append("\n");
        JsonNode kinds = steps.path(steps.size() - 1).at("/portalMix/atCapacity/byKind");
        kinds.fieldNames().forEachRemaining(kind -> row(md, steps, kind, null, s -> {
            JsonNode k = s.at("/portalMix/atCapacity/byKind/" + kind);
            double all = s.at("/portalMix/atCapacity/all/requests").asDouble();
            return num(k.at("/p50/median")) + " / " + num(k.at("/p95/median")) + " / " + num(k.at("/p99/median"))
                    + " (" + (all > 0 ? Math.round(100 * k.path("requests").asDouble() / all) : 0) + " %)";
        }));

        JsonNode imp = r.path("import");
        if (!imp.isMissingNode()) {
            md.append("\n## One import of ").append(num(imp.path("rows"))).append(" rows\n\n| | |\n|---|---|\n")
                    .append("| file | ").append(num(imp.path("csvMiB"))).append(" MiB of CSV |\n")
                    .append("| job done (").append(imp.path("status").asText()).append(", ")
                    .append(num(imp.path("importedRows"))).append(" imported, ").append(num(imp.path("rejectedRows")))
                    .append(" rejected) | ").append(num(imp.path("importedSeconds"))).append(" s |\n")
                    .append("| every record in labelling-service, by id | ")
                    .append(num(imp.path("everyIdInLabellingSeconds"))).append(" s |\n")
                    .append("| every record in orientation-service, by id | ")
                    .append(num(imp.path("everyIdInOrientationSeconds"))).append(" s |\n")
                    .append("| **visible everywhere** (target ≤ 60 s) | **")
                    .append(num(imp.path("visibleEverywhereSeconds"))).append(" s** |\n");
        }

        md.append("\n## Memory over the whole run, and starts\n\n| process | max RSS over the run (MiB) |"
                + " start → ready (s) | Quarkus \"started in\" (s) | RSS after start (MiB) |\n|---|---|---|---|---|\n");
        for (String process : List.of("registry-service", "labelling-service", "orientation-service", "launcher")) {
            JsonNode st = r.at("/startup/" + process);
            md.append("| ").append(process).append(" | **").append(num(r.at("/maxRssOverRunMiB/" + process)))
                    .append("** | ").append(num(st.path("processStartToReadySeconds"))).append(" ")
                    .append(st.path("runs").isMissingNode() ? "" : st.path("runs").toString()).append(" | ")
                    .append(num(st.path("startedInSeconds"))).append(" | ").append(num(st.path("rssAfterStartMiB")))
                    .append(" |\n");
        }
        md.append("\nStarts: a second instance of each service with the running one's command line, ")
                .append(r.at("/startup/coldPageCache").asBoolean() ? "after emptying the kernel's page cache (cold)"
                        : "with the page cache as it was (emptying it needs root)")
                .append(", median of the runs listed.\n");

        md.append("\n## Loading through the services\n\n| step | rows imported | import (s) | labelled | published |"
                + " Keycloak accounts (s) | labelling pipeline (s) | labelled/s |\n|---|---|---|---|---|---|---|---|\n");
        steps.forEach(s -> {
            JsonNode l = s.path("load");
            md.append("| ").append(num(s.path("practitioners"))).append(" | ").append(num(l.path("rowsImported")))
                    .append(" | ").append(num(l.path("importSeconds"))).append(" | ").append(num(l.path("labelled")))
                    .append(" | ").append(num(l.path("published"))).append(" | ")
                    .append(num(l.path("keycloakAccountsSeconds"))).append(" | ")
                    .append(num(l.path("labellingPipelineSeconds"))).append(" | ")
                    .append(num(l.path("labelledPerSecond"))).append(" |\n");
        });
        if (r.path("notes").size() > 0) {
            md.append("\nNotes of this run:\n\n");
            r.path("notes").forEach(n -> md.append("- ").append(n.asText()).append("\n"));
        }
        md.append("\n").append(resource("method.md")).append("\n").append(resource("findings.md"));
        return md.toString();
    }

    private static void row(StringBuilder md, JsonNode steps, String name, String target,
            Function<JsonNode, String> cell) {
        md.append("| ").append(name).append(" |");
        if (target != null) {
            md.append(" ").append(target).append(" |");
        }
        steps.forEach(s -> md.append(" ").append(cell.apply(s)).append(" |"));
        md.append("\n");
    }

    /** p50, p99 (in bold against a target), max, samples, and the decisions not seen within 60 s. */
    private static String propagation(JsonNode p, boolean bold) {
        if (p.isMissingNode()) {
            return "–";
        }
        String b = bold ? "**" : "";
        return "p50 " + b + num(p.path("p50ms")) + b + ", p99 " + b + num(p.path("p99ms")) + b + ", max "
                + num(p.path("maxMs")) + " (" + num(p.path("samples")) + " samples, " + num(p.path("notSeenWithin60s"))
                + " not seen within 60 s)";
    }

    private static String capacity(JsonNode figure) {
        return num(figure.path("capacityPerSecond"));
    }

    private static String spread(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "–";
        }
        return num(n.path("median")) + " [" + num(n.path("min")) + "–" + num(n.path("max")) + "]";
    }

    static String num(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "–";
        }
        if (n.isNumber()) {
            double v = n.asDouble();
            if (Double.isNaN(v)) {
                return "–";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return String.format("%,d", (long) v).replace(',', ' ');
            }
            return Math.abs(v) >= 100 ? String.format("%,.0f", v).replace(',', ' ') : String.format("%.1f", v);
        }
        return n.asText();
    }

    static String pct(JsonNode n) {
        return n == null || n.isMissingNode() || !n.isNumber() ? "–" : Math.round(n.asDouble() * 100) + " %";
    }

    private static String resource(String name) {
        try (InputStream in = Report.class.getResourceAsStream("/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
