package fr.pairaidance.benchmarks;

/**
 * The harness's only way to wait: pacing of the load generator and polls of a live system. This is
 * a benchmark run against running processes, not a test, so it sleeps rather than using Awaitility.
 */
final class Pause {

    private Pause() {
    }

    /** Sleeps for {@code millis}; false if interrupted (the thread's interrupt flag is set again). */
    static boolean pause(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
