package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Everything the run command started, stopped in reverse order by {@link #stopAll()}: on Ctrl-C
 * (a JVM shutdown hook) or when the start fails. A process is stopped with its descendants (a
 * script such as Keycloak's kc.sh runs the real JVM as its child).
 */
final class ChildProcesses {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private record Running(String name, Runnable stop) {
    }

    private final Deque<Running> running = new ArrayDeque<>();
    private volatile boolean stopping;
    private volatile boolean reportingExits;

    /** Stops everything when the JVM goes away (Ctrl-C, SIGTERM, end of Maven). */
    void stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-system-stop"));
    }

    /**
     * Starts a process with its output (stdout and stderr) appended to a log file. Reports it on the
     * console if it ends by itself.
     */
    Process start(String name, ProcessBuilder builder, Path logFile) {
        if (stopping) {
            throw new LocalSystemException(name + " not started: stopping");
        }
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalSystemException("Could not start " + name + ": " + e.getMessage(), e);
        }
        register(name, () -> stop(name, process));
        process.onExit().thenAccept(ended -> {
            if (reportingExits && !stopping) {
                Console.error(name + " ended by itself (exit code " + ended.exitValue() + "): see " + logFile);
            }
        });
        return process;
    }

    /**
     * From now on, says on the console when a process ends by itself. Before, while starting, the
     * waits for readiness report it.
     */
    void reportExits() {
        reportingExits = true;
    }

    /**
     * Something else to stop, such as the embedded PostgreSQL. If everything is being stopped
     * already (Ctrl-C while starting), stops it at once.
     */
    void register(String name, Runnable stop) {
        synchronized (this) {
            if (!stopping) {
                running.push(new Running(name, stop));
                return;
            }
        }
        stop.run();
        throw new LocalSystemException(name + " stopped: stopping");
    }

    /** Takes back something registered that has ended by itself (the services' build). */
    synchronized void forget(String name) {
        running.removeIf(each -> each.name().equals(name));
    }

    boolean stopping() {
        return stopping;
    }

    /** Stops everything started so far, the last started first. Safe to call more than once. */
    void stopAll() {
        List<Running> toStop;
        synchronized (this) {
            stopping = true;
            toStop = new ArrayList<>(running);
            running.clear();
        }
        if (toStop.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Console.info("Stopping everything...");
        for (Running each : toStop) {
            try {
                each.stop().run();
            } catch (RuntimeException e) {
                Console.error("while stopping " + each.name() + ": " + e);
            }
        }
        Console.done("Everything stopped", started);
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM), waits for them, then kills whatever is
     * left (SIGKILL).
     */
    static void stop(String name, Process process) {
        stop(name, process, GRACE);
    }

    /** {@link #stop(String, Process)} with a grace period of its own. */
    static void stop(String name, Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        tree.addAll(process.descendants().toList());
        long started = System.nanoTime();
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            Console.info(name + " killed: it did not stop within " + grace.toSeconds() + " s");
            return;
        }
        Console.done(name + " stopped", started);
    }
}
