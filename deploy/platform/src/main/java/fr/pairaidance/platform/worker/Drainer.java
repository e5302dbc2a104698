package fr.pairaidance.platform.worker;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One background thread that drains a queue table when woken: after each commit that wrote to it (low
 * latency) and by a fallback poll (rows left by a crash or an outage). Wake-ups that come while a drain
 * is pending are coalesced; one thread keeps the rows in order.
 */
public final class Drainer {

    private final String threadName;
    private final Runnable drain;
    /** How long a stop waits for the row in hand before interrupting the thread. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ExecutorService worker;
    private volatile boolean stopping;

    /** @param drain sends what is due, until nothing is; it must not throw */
    public Drainer(String threadName, Runnable drain) {
        this.threadName = threadName;
        this.drain = drain;
    }

    public void start() {
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
        wakeUp();
    }

    public void stop() {
        stopping = true;
        ExecutorService current = worker;
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            current.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #stop} was called: a drain ends after the row in hand instead of taking the next. */
    public boolean stopping() {
        return stopping || Thread.currentThread().isInterrupted();
    }

    /** Asks for a drain; returns at once. Does nothing before {@link #start} or after {@link #stop}. */
    public void wakeUp() {
        ExecutorService current = worker;
        if (current != null && !current.isShutdown() && wakeUpPending.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    wakeUpPending.set(false);
                    drain.run();
                });
            } catch (RuntimeException rejected) {
                wakeUpPending.set(false);
            }
        }
    }
}
