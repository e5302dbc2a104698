package fr.pairaidance.platform.rest;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/** The correlation id of the request or event being handled, kept in the logging MDC. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    /** Adopts a caller's id when it is well-formed, else makes a new one; returns the id in force. */
    public static String begin(String proposed) {
        String id = proposed != null && ACCEPTED.matcher(proposed).matches() ? proposed : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        return id;
    }

    public static void end() {
        MDC.remove(MDC_KEY);
    }

    /**
     * Runs a consumer's handling of one event with the event's correlation id in the log context (a new id
     * when the event has none), so its log lines and the events it writes carry it; then restores the
     * previous one.
     */
    public static void during(String eventCorrelationId, Runnable handling) {
        Object previous = MDC.get(MDC_KEY);
        begin(eventCorrelationId);
        try {
            handling.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
