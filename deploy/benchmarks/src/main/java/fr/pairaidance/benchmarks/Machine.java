package fr.pairaidance.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The machine the figures come from. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(Db db) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Benchmarks.today());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstMatching("/proc/cpuinfo", "model name").replaceFirst(".*:\\s*", ""));
        m.put("memoryGiB", Stats.round(Long.parseLong(firstMatching("/proc/meminfo", "MemTotal")
                .replaceAll("[^0-9]", "")) / 1024.0 / 1024.0, 1));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("postgresql", db.rows("registry", "select version()").get(0)[0].replaceFirst(" on .*", ""));
        m.put("commit", command("git", "-C", Path.of(System.getProperty("bench.repository-root", ".")).toString(),
                "rev-parse", "--short", "HEAD").strip());
        m.put("loadGenerator", "Gatling " + io.gatling.core.Predef.class.getPackage().getImplementationVersion());
        m.put("pgbench", command(PgBench.locate(), "--version").strip());
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstMatching(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
