package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.Label;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * The time-driven changes of labels: into the renewal window, expiry, end of a suspension. Each
 * batch locks its labels with {@code for update skip locked}, so that two instances running at
 * once share the work and never change a label twice.
 */
@ApplicationScoped
public class LabelClockService {

    private final LabelLifecycle lifecycle;
    private final LabellingConfig config;
    private final EntityManager em;

    LabelClockService(LabelLifecycle lifecycle, LabellingConfig config, EntityManager em) {
        this.lifecycle = lifecycle;
        this.config = config;
        this.em = em;
    }

    /** Moves one batch of the labels whose dates call for a change; returns how many changed. */
    @Transactional
    public int advanceBatch() {
        LocalDate today = lifecycle.today();
        @SuppressWarnings("unchecked")
        List<Label> due = em.createNativeQuery("""
                select * from label
                where (state = 'ACTIVE' and expires_on <= ?1)
                   or (state = 'RENEWAL_DUE' and expires_on <= ?2)
                   or (state = 'SUSPENDED' and (suspended_until <= ?2 or expires_on <= ?2))
                order by expires_on, id
                limit ?3
                for update skip locked""", Label.class)
                .setParameter(1, today.plus(config.renewalWindow()))
                .setParameter(2, today)
                .setParameter(3, config.scheduler().batchSize())
                .getResultList();
        int moved = 0;
        for (Label label : due) {
            if (lifecycle.catchUp(label)) {
                moved++;
            }
        }
        return moved;
    }

    public int batchSize() {
        return config.scheduler().batchSize();
    }
}
