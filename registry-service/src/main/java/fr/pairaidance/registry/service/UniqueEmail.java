package fr.pairaidance.registry.service;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises a violation of the unique index on {@code lower(email)} (V1: {@code practitioner_email_uk}). */
final class UniqueEmail {

    static final String INDEX = "practitioner_email_uk";
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueEmail() {
    }

    /** Whether {@code e}, or a cause of it (a JDBC batch included), is that violation. */
    static boolean violatedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && INDEX.equalsIgnoreCase(c.getConstraintName())) {
                return true;
            }
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (UNIQUE_VIOLATION.equals(s.getSQLState()) && s.getMessage() != null
                        && s.getMessage().contains(INDEX)) {
                    return true;
                }
            }
        }
        return false;
    }
}
