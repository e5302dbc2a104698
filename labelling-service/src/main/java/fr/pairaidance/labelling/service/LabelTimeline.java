package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.persistence.LabelState;
import java.time.LocalDate;
import java.time.Period;

/**
 * What the dates say a label's state is on a given day: the one rule shared by the time-driven
 * job, the regulator's decisions and the verification of a past day.
 */
public final class LabelTimeline {

    private LabelTimeline() {
    }

    /**
     * @param recorded       the state last decided
     * @param expiresOn      first day the label is no longer valid
     * @param suspendedUntil the day a suspension ends, null when open-ended
     */
    public static LabelState stateOn(LabelState recorded, LocalDate expiresOn, LocalDate suspendedUntil,
            Period renewalWindow, LocalDate day) {
        if (!recorded.isLive()) {
            return recorded;
        }
        if (!day.isBefore(expiresOn)) {
            return LabelState.EXPIRED;
        }
        if (recorded == LabelState.SUSPENDED && (suspendedUntil == null || day.isBefore(suspendedUntil))) {
            return LabelState.SUSPENDED;
        }
        return day.isBefore(expiresOn.minus(renewalWindow)) ? LabelState.ACTIVE : LabelState.RENEWAL_DUE;
    }

    /** The day from which a time-driven change to {@code target} applies. */
    public static LocalDate since(LabelState target, LocalDate expiresOn, LocalDate suspendedUntil,
            Period renewalWindow, LocalDate today) {
        LocalDate since = switch (target) {
            case EXPIRED -> expiresOn;
            case RENEWAL_DUE -> latest(expiresOn.minus(renewalWindow), suspendedUntil);
            default -> suspendedUntil;
        };
        return since == null || since.isAfter(today) ? today : since;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
