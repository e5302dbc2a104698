package fr.pairaidance.labelling.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the time-driven changes of labels periodically ({@code labelling.scheduler.every}, default 1h). */
@ApplicationScoped
public class LabelScheduler {

    private static final Logger LOG = Logger.getLogger(LabelScheduler.class);

    private final LabelClockService labels;

    LabelScheduler(LabelClockService labels) {
        this.labels = labels;
    }

    @Scheduled(identity = "label-clock", every = "${labelling.scheduler.every:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int moved = advanceAll();
        if (moved > 0) {
            LOG.infof("Time-driven label changes: %d", moved);
        }
    }

    /** Moves every label whose dates call for it, batch after batch; returns how many changed. */
    public int advanceAll() {
        int total = 0;
        int moved;
        do {
            moved = labels.advanceBatch();
            total += moved;
        } while (moved >= labels.batchSize());
        return total;
    }
}
