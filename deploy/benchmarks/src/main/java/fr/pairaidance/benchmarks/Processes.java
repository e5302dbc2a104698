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

    /** The JVM of the run command ({@code ./mvnw -Prun}): Maven's, hosting the local system's launcher. */
    static Optional<Long> launcherPid() {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        List<String> args = cmdline(p);
                        return args.stream().anyMatch(a -> a.contains("plexus.classworlds"))
                                && args.stream().anyMatch(a -> a.equals("-Prun") || a.equals("run"));
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Empties the kernel's page cache (root only): the next start reads its files from disk. */
    static boolean dropPageCache() {
        try {
            new ProcessBuilder("sync").start().waitFor();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
            return true;
        } catch (IOException | InterruptedException | SecurityException e) {
            return false;
        }
    }

    /** A second instance of a running service, stopped on close. */
    static final class Instance implements AutoCloseable {
        private final Process process;
        private final int port;
        private final long startedAt;
        private final Path log;

        private Instance(Process process, int port, long startedAt, Path log) {
            this.process = process;
            this.port = port;
            this.startedAt = startedAt;
            this.log = log;
        }

        /** Seconds from the process start to its first 200 on /q/health/ready. */
        double awaitReady() {
            String health = "http://localhost:" + port + "/q/health/ready";
            while (Http.status(health) != 200) {
                if (!process.isAlive() || System.nanoTime() - startedAt > 180_000_000_000L) {
                    throw new IllegalStateException("second instance on " + port + " did not get ready (see " + log
                            + ")");
                }
                Pause.pause(20);
            }
            return (System.nanoTime() - startedAt) / 1e9;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Starts another instance of the service running on {@code port} with the same command line and
     * environment, on {@code sparePort}, with {@code extraOptions} for its JVM. It shares the database and
     * joins the same consumer groups (a short rebalance for the running one).
     */
    static Instance secondInstance(long pid, int port, int sparePort, Path logDir, List<String> extraOptions)
            throws IOException {
        List<String> args = new ArrayList<>(cmdline(Path.of("/proc/" + pid)));
        args.replaceAll(a -> a.equals("-Dquarkus.http.port=" + port) ? "-Dquarkus.http.port=" + sparePort : a);
        args.addAll(1, extraOptions);
        Path cwd = Path.of("/proc/" + pid + "/cwd").toRealPath();
        Path log = Files.createTempFile(logDir, "instance-" + sparePort + "-", ".log");
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(args).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(Path.of("/proc/" + pid)));
        return new Instance(builder.start(), sparePort, t0, log);
    }

    /** Times a second instance from process start to 200 on /q/health/ready; then stops it. */
    static Start timedStart(long pid, int port, int sparePort, Path logDir) throws Exception {
        try (Instance instance = secondInstance(pid, port, sparePort, logDir, List.of())) {
            double ready = instance.awaitReady();
            double rss = memory(instance.process.pid()).map(Memory::rssMiB).orElse(Double.NaN);
            return new Start(ready, startedInFromLog(instance.log), rss);
        }
    }
}
