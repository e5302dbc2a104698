package fr.pairaidance.labelling.persistence;

import java.util.Set;

/** The states of a label. */
public enum LabelState {
    ACTIVE, RENEWAL_DUE, SUSPENDED, REVOKED, EXPIRED, WITHDRAWN;

    /** States in which the label is valid. */
    public static final Set<LabelState> VALID = Set.of(ACTIVE, RENEWAL_DUE);

    /** States the time-driven job and the regulator may still change. */
    public static final Set<LabelState> LIVE = Set.of(ACTIVE, RENEWAL_DUE, SUSPENDED);

    public boolean isValid() {
        return VALID.contains(this);
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }
}
