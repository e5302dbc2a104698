package fr.pairaidance.benchmarks;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines, prefixed with [bench] and the time. */
final class Console {

    private Console() {
    }

    static void info(String message) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
        System.out.flush();
    }
}
