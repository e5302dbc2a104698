package fr.pairaidance.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@link MixSimulation} with Gatling's own launcher ({@code io.gatling.app.Gatling}) and
 * reads the figures of its report (the statistics table of its {@code index.html}): per kind of request
 * and for all of them.
 */
final class LoadGenerator {

    /** The figures of one kind of request (or of all) in one run; times in milliseconds. */
    record Figures(long requests, long failed, double p50, double p75, double p95, double p99, double max,
            double perSecond) {

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", requests);
            m.put("failed", failed);
            m.put("p50", p50);
            m.put("p95", p95);
            m.put("p99", p99);
            m.put("max", max);
            m.put("perSecond", Stats.round(perSecond, 1));
            return m;
        }
    }

    /** One run: the arrival rate asked for, its duration, and the figures. */
    record Run(double rate, int seconds, Figures all, Map<String, Figures> byKind) {

        /** Whether the run kept the latency objective: p99 within it and less than 1 % failed. */
        boolean holds(double p99Millis) {
            return all.requests() > 0 && all.p99() <= p99Millis && all.failed() * 100 < all.requests()
                    && all.perSecond() >= rate * 0.95;
        }
    }

    /** A row of the statistics table of Gatling's report: the request's name, then its cells. */
    private static final Pattern ROW = Pattern.compile(
            "class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-\\d+\">([-0-9.,]+)</td>");

    private final Path results;

    LoadGenerator(Path work) throws IOException {
        this.results = Files.createDirectories(work.resolve("gatling"));
    }

    /**
     * Sends the mix file's requests at {@code rate} per second for {@code seconds}, from a JVM of its own:
     * each run starts with no connection and leaves none behind.
     */
    Run run(Path mix, double rate, int seconds) throws IOException {
        Path folder = Files.createTempDirectory(results, "run-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xms512m", "-Xmx1g",
                "-XX:+UseParallelGC", "-D" + MixSimulation.MIX + "=" + mix, "-D" + MixSimulation.RATE + "=" + rate,
                "-D" + MixSimulation.SECONDS + "=" + seconds, "-cp", System.getProperty("java.class.path"),
                "io.gatling.app.Gatling", "--simulation", MixSimulation.class.getName(), "--results-folder",
                folder.toString()));
        Path log = folder.resolve("gatling.log");
        int status;
        try {
            status = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Path index;
        try (Stream<Path> files = Files.walk(folder)) {
            index = files.filter(p -> p.getFileName().toString().equals("index.html")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report (status " + status
                            + "), see " + log));
        }
        Map<String, Figures> byKind = new LinkedHashMap<>();
        Figures all = null;
        Matcher row = ROW.matcher(Files.readString(index));
        while (row.find()) {
            Matcher cell = CELL.matcher(row.group(2));
            List<Double> values = new ArrayList<>();
            while (cell.find()) {
                values.add(Double.parseDouble(cell.group(1).replace(",", "")));
            }
            // Total, OK, KO, % KO, count/s, min, p50, p75, p95, p99, max, mean, std dev.
            Figures f = new Figures(values.get(0).longValue(), values.get(2).longValue(), values.get(6),
                    values.get(7), values.get(8), values.get(9), values.get(10), values.get(0) / seconds);
            String name = row.group(1);
            if (name.equals(MixSimulation.MEASURED)) {
                all = f;
            } else if (!name.equals("All Requests") && !name.startsWith("warm-up")) {
                byKind.putIfAbsent(name, f);
            }
        }
        if (all == null) {
            throw new IllegalStateException("no statistics in Gatling's report " + index);
        }
        deleteQuietly(folder);
        return new Run(rate, seconds, all, byKind);
    }

    private static void deleteQuietly(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
