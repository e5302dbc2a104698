package fr.pairaidance.labelling.persistence;

import java.util.Set;

/** The states of a label application. */
public enum ApplicationState {
    /** Waiting for a regulator. */
    SUBMITTED,
    /** Taken by a regulator. */
    UNDER_REVIEW,
    /** A label was granted (on first decision or on appeal). */
    GRANTED,
    /** Refused; may be appealed once. */
    REFUSED,
    /** The refusal is appealed; a different regulator decides. */
    APPEALED,
    /** The appeal was dismissed: final. */
    APPEAL_DISMISSED,
    /** Closed without decision: the practitioner left the register. */
    CLOSED;

    public static final Set<ApplicationState> OPEN = Set.of(SUBMITTED, UNDER_REVIEW, APPEALED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
