package fr.pairaidance.platform.failure;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Failures that pass by themselves: the database (or broker) cannot be reached now, or the
 * transaction lost a conflict. A request gets 503 for the first kind; a consumed event is retried
 * until it succeeds, never sent to the dead-letter topic for them ({@link TransientRetry}, used by
 * {@link fr.pairaidance.platform.inbox.BatchDelivery}). Anything else is a defect or a poison message.
 */
public final class IsTransientFailure implements Predicate<Throwable> {

    /** Serialization failure, deadlock, lock not available. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03");

    @Override
    public boolean test(Throwable failure) {
        return isUnavailable(failure) || isConflict(failure);
    }

    /** The database (or another dependency) cannot be reached. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof SQLException sql && isUnavailableState(sql))
                    || t.getClass().getName().startsWith("io.agroal.api.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure, its causes and what they suppressed: a commit that fails (Narayana's
     * {@code RollbackException}) carries the database's error only as a suppressed XAException.
     */
    private static Set<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toVisit = new ArrayDeque<>();
        toVisit.add(failure);
        while (!toVisit.isEmpty() && seen.size() < 50) {
            Throwable t = toVisit.poll();
            if (t != null && seen.add(t)) {
                toVisit.add(t.getCause() == null ? t : t.getCause());
                toVisit.addAll(Arrays.asList(t.getSuppressed()));
            }
        }
        return seen;
    }

    /**
     * PostgreSQL's states for "not reachable now": connection exceptions (08), operator intervention
     * such as a server shutting down or the connection terminated by an administrator (57), too many
     * connections (53300), and the database refusing connections ({@code allow_connections false}).
     */
    private static boolean isUnavailableState(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57") || state.equals("53300")
                || (state.equals("55000") && String.valueOf(sql.getMessage()).contains("not currently accepting connections")));
    }
}
