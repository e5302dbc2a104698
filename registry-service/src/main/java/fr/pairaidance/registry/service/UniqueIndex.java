package fr.pairaidance.registry.service;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises a violation of one of the practitioner's unique indexes (V1): {@link #EMAIL} on
 * {@code lower(email)}, {@link #SUBJECT} on the linked account. Two requests at the same moment can both
 * pass a check made before the insert; the index decides, and the service answers as for the check.
 */
final class UniqueIndex {

    static final String EMAIL = "practitioner_email_uk";
    static final String SUBJECT = "practitioner_subject_key";
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueIndex() {
    }

    /** Whether {@code e}, or a cause of it (a JDBC batch included), is a violation of {@code index}. */
    static boolean violatedBy(Throwable e, String index) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && index.equalsIgnoreCase(c.getConstraintName())) {
                return true;
            }
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (UNIQUE_VIOLATION.equals(s.getSQLState()) && s.getMessage() != null
                        && s.getMessage().contains(index)) {
                    return true;
                }
            }
        }
        return false;
    }
}
