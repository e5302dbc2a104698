package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One Quarkus service run from its build ({@code <module>/target/quarkus-app/quarkus-run.jar}) with
 * the local addresses of PostgreSQL, Kafka and Keycloak as system properties.
 */
final class ServiceProcess {

    private final ServiceDefinition service;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceDefinition service, Process process, Path logFile) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Why the service cannot start, if so (also said on the console): not built, or its port is
     * taken (by the same service run in dev mode, for instance, which can then use this local system).
     */
    static Optional<Summary.State> whyNotStartable(LocalOptions options, ServiceDefinition service) {
        Path module = options.repositoryRoot().resolve(service.name());
        Path jar = jar(options, service);
        if (!Files.isRegularFile(jar)) {
            Console.info(service.name() + " skipped: not built (no " + options.repositoryRoot().relativize(jar)
                    + (Files.isRegularFile(module.resolve("pom.xml")) ? "" : "; the module has no pom.xml yet") + ")");
            return Optional.of(Summary.State.NOT_BUILT);
        }
        if (Ports.inUse(service.port())) {
            Console.info(service.name() + " skipped: port " + service.port() + " is in use (is it running in dev"
                    + " mode? Another port: -Dlocal." + service.name() + ".port=<port>)");
            return Optional.of(Summary.State.PORT_IN_USE);
        }
        return Optional.empty();
    }

    /** Starts the service (see {@link #whyNotStartable} first). */
    static ServiceProcess start(LocalOptions options, ServiceDefinition service, ChildProcesses children) {
        return start(options, service, children, service.name());
    }

    /** Starts the service with its output in the log file of that name. */
    static ServiceProcess start(LocalOptions options, ServiceDefinition service, ChildProcesses children,
            String logName) {
        ClassArchive archive = ClassArchive.of(jar(options, service));
        Console.info("Starting " + service.name() + " on localhost:" + service.port());
        return start(options, service, children, logName, archive.isCurrent() ? archive.useOptions() : List.of());
    }

    private static ServiceProcess start(LocalOptions options, ServiceDefinition service, ChildProcesses children,
            String name, List<String> archiveOptions) {
        Path jar = jar(options, service);
        Path logFile = options.logFile(name);
        Process process = children.start(name, environment(new ProcessBuilder(
                command(options, service, jar, archiveOptions)).directory(jar.getParent().toFile())), logFile);
        return new ServiceProcess(service, process, logFile);
    }

    /**
     * Records the {@link ClassArchive} of each service that has none for its current build: one training
     * start of each, all at once, stopped once ready (the JVM writes the archive as it exits). A service
     * whose training fails starts without an archive, only slower.
     */
    static void recordClassArchives(LocalOptions options, List<ServiceDefinition> services, ChildProcesses children) {
        List<ServiceDefinition> stale = services.stream()
                .filter(service -> !ClassArchive.of(jar(options, service)).isCurrent()).toList();
        if (stale.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Console.info("Recording the classes each service loads at start, once per build (a training start of "
                + stale.stream().map(ServiceDefinition::name).collect(Collectors.joining(", ")) + ")");
        Map<ServiceProcess, ClassArchive> training = new LinkedHashMap<>();
        for (ServiceDefinition service : stale) {
            ClassArchive archive = ClassArchive.of(jar(options, service));
            archive.delete();
            training.put(start(options, service, children, trainingName(service), archive.recordOptions()), archive);
        }
        training.keySet().forEach(process -> process.awaitTrainingStart(options));
        training.keySet().forEach(process -> ClassArchive.linkLoadedClasses(process.process.pid(), options.dataDir()));
        // Writing the archive is part of each JVM's exit (a JDK 25 assembles its AOT cache then): all at once.
        training.keySet().stream()
                .map(process -> CompletableFuture.runAsync(() -> process.stopTraining(children)))
                .toList().forEach(CompletableFuture::join);
        training.forEach((process, archive) -> {
            if (!Files.isRegularFile(archive.file())) {
                Console.info(process.service.name() + " will start without a class archive (none written: see "
                        + process.logFile + ")");
            }
        });
        Console.done("Class archives recorded", started);
    }

    private void awaitTrainingStart(LocalOptions options) {
        String health = service.baseUrl() + "/q/health/ready";
        try {
            Readiness.await(trainingName(service), options.startupTimeout(), process, logFile,
                    () -> Http.status(health) == 200);
        } catch (LocalSystemException notReady) {
            Console.info(notReady.getMessage());
        }
    }

    private void stopTraining(ChildProcesses children) {
        ChildProcesses.stop(trainingName(service), process, ARCHIVE_WRITING);
        children.forget(trainingName(service));
    }

    /** Whether the process mapped the current class archive of its build (Linux: its memory map). */
    boolean mapsItsClassArchive(LocalOptions options) {
        ClassArchive archive = ClassArchive.of(jar(options, service));
        try {
            if (!archive.isCurrent()) {
                return false;
            }
            String mapped = " " + archive.file().toRealPath(); // the memory map names files by their real path
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "maps")).stream()
                    .anyMatch(line -> line.endsWith(mapped));
        } catch (IOException e) {
            return false;
        }
    }

    private static String trainingName(ServiceDefinition service) {
        return service.name() + "-class-archive";
    }

    /** Waits for {@code /q/health/ready}; returns false (after saying why) if it does not get ready. */
    boolean awaitReady(LocalOptions options, long startedNanos) {
        String health = service.baseUrl() + "/q/health/ready";
        try {
            Readiness.await(service.name(), options.startupTimeout(), process, logFile, () -> Http.status(health) == 200);
        } catch (LocalSystemException notReady) {
            Console.error(notReady.getMessage());
            if (logContains("FlywayValidateException")) {
                Console.info("  its database no longer matches its migrations (an applied migration was changed):"
                        + " restart with -Dfresh to start from empty databases");
            }
            return false;
        }
        Console.done(service.name() + " ready on " + service.baseUrl(), startedNanos);
        return true;
    }

    private boolean logContains(String text) {
        try {
            return Files.readString(logFile).contains(text);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path jar(LocalOptions options, ServiceDefinition service) {
        return options.repositoryRoot().resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    ServiceDefinition service() {
        return service;
    }

    /** Kills the service at once (SIGKILL), as a crash would: no shutdown hook runs. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Stops the service (SIGTERM, then SIGKILL after a grace period). */
    void stop() {
        ChildProcesses.stop(service.name() + " on port " + service.port(), process);
    }

    /**
     * A small footprint and a quick start for a small service (under 300 MB resident under load,
     * ready in under 3 s):
     * <ul>
     * <li>a heap of at most 96 MB with the serial collector (no concurrent GC threads; its young pauses
     * are a few milliseconds at this size) and smaller thread stacks. The live data after a full
     * collection under load is 35-42 MB per service; the old generation fills with promoted garbage up to
     * its limit before a full collection, so the whole heap is resident under load (96 MB of it instead of
     * 128 before; 1-3 % of the time in collections in a benchmark run). It starts at 64 MB: from 32 MB
     * an orientation-service's start took 27 collections, one of them full, 208-238 ms of pauses; from
     * 64 MB 14 young ones, 121-133 ms;</li>
     * <li>compiled code only for code that is warm: C1 from 1 000 invocations (the JVM's 200), C2 from
     * ten times the JVM's thresholds. At start the JIT took 5 s of CPU (3.5 s of it C2, 506 methods,
     * nearly all of start-up code run a few thousand times and never again) on 2 cores shared with the
     * main thread; with the higher C2 thresholds a registry-service was ready in 3.6-3.8 s instead of
     * 4.0-4.2 s, with 1.5 s less CPU and 15 MB less resident; the higher C1 thresholds leave 3 100
     * compiled methods after an orientation-service's start instead of 4 600, 10 MB less resident. Under
     * load the profiled code (C1's, 22-36 MB) is most of the 43-53 MB code cache; request paths still
     * reach C2 within seconds;</li>
     * <li>freed native memory (the JIT's arenas, Kafka's and Netty's buffers) given back to the system
     * every 5 s: glibc keeps it otherwise ({@code jcmd System.trim_native_heap} released 18-25 MB of each
     * idle service);</li>
     * <li>the code cache keeps the JVM's reserve (only what is used is resident): capped at 64 MB, the
     * sweeper flushed 27 829 compiled methods (61 MB) of a registry-service during a benchmark run and
     * its C2 thread spent a core recompiling them.</li>
     * </ul>
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx96m", "-Xss512k",
            "-XX:Tier3InvocationThreshold=1000", "-XX:Tier3MinInvocationThreshold=500",
            "-XX:Tier3CompileThreshold=10000", "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    /** Periodic trimming of the native heap: in JDK 22+ and in recent updates of 17 and 21 only. */
    private static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    /** The longest a training start may take to exit once asked: it writes the class archive then. */
    private static final Duration ARCHIVE_WRITING = Duration.ofMinutes(2);

    /**
     * At most two glibc malloc arenas: by default each thread that allocates natively (Kafka clients,
     * Netty, the JIT) may get its own 64 MB arena, which showed as resident memory the heap never used.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private static ProcessBuilder environment(ProcessBuilder builder) {
        builder.environment().putAll(ENVIRONMENT);
        return builder;
    }

    private static List<String> command(LocalOptions options, ServiceDefinition service, Path jar,
            List<String> archiveOptions) {
        List<String> command = new ArrayList<>(List.of(Java.executable()));
        command.addAll(JVM_OPTIONS);
        if (Java.accepts(TRIM_NATIVE_HEAP)) {
            command.add(TRIM_NATIVE_HEAP);
        }
        // The archive records the class path as given, relative to quarkus-app/: the service runs there,
        // with the jar named relatively.
        command.addAll(archiveOptions);
        command.add("-Dquarkus.http.host=127.0.0.1"); // reachable from this machine only
        command.add("-Dquarkus.http.port=" + service.port());
        command.add("-Dquarkus.datasource.jdbc.url=" + options.jdbcUrl(service.database()));
        command.add("-Dquarkus.datasource.username=" + PostgresProcess.USER);
        command.add("-Dquarkus.datasource.password=" + PostgresProcess.PASSWORD);
        command.add("-Dkafka.bootstrap.servers=" + options.kafkaBootstrapServers());
        command.add("-Dquarkus.oidc.auth-server-url=" + options.issuerUrl());
        // Mail to people goes to the local SMTP server, whose mailbox API shows what was sent.
        command.add("-Dquarkus.mailer.host=localhost");
        command.add("-Dquarkus.mailer.port=" + options.smtpPort());
        // A portal's developer may point a webhook at a receiver on this machine (http://localhost:...).
        command.add("-Dpairaidance.platform.webhooks.allow-http=true");
        command.add("-Dpairaidance.platform.webhooks.allow-loopback=true");
        // Each page links to its sister sites and signs out through them: their addresses on this machine.
        for (ServiceDefinition site : options.services()) {
            command.add("-Dpairaidance.web.sites." + site.name().replace("-service", "") + "=" + site.baseUrl());
        }
        // Readable log lines in the local log files (the services log JSON in production).
        command.add("-Dquarkus.log.console.json.enabled=false");
        command.add("-jar");
        command.add(jar.getFileName().toString());
        return command;
    }
}
