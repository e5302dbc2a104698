package fr.pairaidance.localsystem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until something answers, failing clearly on timeout or when its process ends. */
final class Readiness {

    private Readiness() {
    }

    /**
     * Polls {@code ready} every half second.
     *
     * @throws LocalSystemException if {@code process} ends or {@code timeout} passes first
     */
    static void await(String what, Duration timeout, Process process, Path logFile, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                Console.tail(logFile, 30);
                throw new LocalSystemException(what + " ended (exit code " + process.exitValue()
                        + ") before it was ready: see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                Console.tail(logFile, 30);
                throw new LocalSystemException(what + " was not ready after " + timeout.toSeconds()
                        + " s: see " + logFile + " (a longer wait: -Dlocal.startup-timeout=<seconds>)");
            }
            try {
                // The run command's own poll of a child process (no test library here): every half second.
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalSystemException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
