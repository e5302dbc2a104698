package fr.pairaidance.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The services' processes: found by their HTTP port, their resident memory, and timed starts. */
final class Processes {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private Processes() {
    }

    static int port(String url) {
        return URI.create(url).getPort();
    }

    /** The JVM serving this port (a quarkus-run.jar with -Dquarkus.http.port=port), if on this machine. */
    static Optional<Long> pidOf(int port) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        List<String> args = cmdline(p);
                        return args.contains("-Dquarkus.http.port=" + port)
                                && args.stream().anyMatch(a -> a.endsWith("quarkus-run.jar"));
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static List<String> cmdline(Path proc) {
        try {
            byte[] raw = Files.readAllBytes(proc.resolve("cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return args;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The Java executable of a service and its JVM options (the launcher's), as its command line has them. */
    static String jvmOf(long pid) {
        List<String> args = cmdline(Path.of("/proc/" + pid));
        return args.isEmpty() ? "" : args.get(0) + " " + args.stream().skip(1).filter(a -> a.startsWith("-X"))
                .collect(Collectors.joining(" "));
    }

    /**
     * The resident memory of a process in MiB: in all ({@code VmRSS}), anonymous ({@code RssAnon}: heap,
     * metaspace, code cache, stacks, native heap) and file-backed ({@code RssFile}: class archive,
     * libraries). Empty once the process is gone.
     */
    static Optional<Memory> memory(long pid) {
        Map<String, Double> kib = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("RssAnon:") || line.startsWith("RssFile:")) {
                    kib.put(line.substring(0, line.indexOf(':')), Double.parseDouble(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!kib.containsKey("VmRSS")) {
            return Optional.empty();
        }
        return Optional.of(new Memory(kib.get("VmRSS") / 1024, kib.getOrDefault("RssAnon", Double.NaN) / 1024,
                kib.getOrDefault("RssFile", Double.NaN) / 1024));
    }

    record Memory(double rssMiB, double anonymousMiB, double fileBackedMiB) {
    }

    /** The last "started in N s" of a service's log file. */
    static double startedInFromLog(Path logFile) {
        double last = Double.NaN;
        try {
            for (String line : Files.readAllLines(logFile)) {
                Matcher m = STARTED_IN.matcher(line);
                if (m.find()) {
                    last = Double.parseDouble(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no log
        }
        return last;
    }

    /** One timed start of a second instance of a running service. */
    record Start(double readySeconds, double startedIn, double rssMiB) {
    }

    /** The environment the process was started with (the launcher sets some, e.g. MALLOC_ARENA_MAX). */
    static Map<String, String> environment(Path proc) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8)
                .split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /**
     * Starts another instance of the service running on {@code port} with the same command line, on
     * {@code sparePort}, and times it from process start to 200 on /q/health/ready; then stops it. It
     * shares the database and joins the same consumer groups (a short rebalance for the running one).
     */
    static Start timedStart(long pid, int port, int sparePort, Path logDir) throws Exception {
        List<String> args = new ArrayList<>(cmdline(Path.of("/proc/" + pid)));
        args.replaceAll(a -> a.equals("-Dquarkus.http.port=" + port) ? "-Dquarkus.http.port=" + sparePort : a);
        Path cwd = Path.of("/proc/" + pid + "/cwd").toRealPath();
        Path log = Files.createTempFile(logDir, "startup-" + port + "-", ".log");
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(args).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(Path.of("/proc/" + pid)));
        Process p = builder.start();
        try {
            String health = "http://localhost:" + sparePort + "/q/health/ready";
            while (Http.status(health) != 200) {
                if (!p.isAlive() || System.nanoTime() - t0 > 180_000_000_000L) {
                    throw new IllegalStateException("second instance on " + sparePort + " did not get ready (see "
                            + log + ")");
                }
                Pause.pause(20);
            }
            double ready = (System.nanoTime() - t0) / 1e9;
            double rss = memory(p.pid()).map(Memory::rssMiB).orElse(Double.NaN);
            return new Start(ready, startedInFromLog(log), rss);
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
