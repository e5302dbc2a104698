package fr.pairaidance.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A JSON event payload. Every payload states the version of its schema, and the version of the aggregate
 * it describes: taken in the transaction of the state change, it grows with each event of a Kafka key, so
 * a consumer keeps the event of the highest version and drops older or equal ones. {@code occurredAt} is
 * information only: producers' clocks may differ.
 */
public interface EventPayload {

    @JsonProperty("schemaVersion")
    default int schemaVersion() {
        return 1;
    }

    /** The aggregate's version after the change this event announces. */
    long version();

    /** Whether an event of version {@code incoming} is older than, or the same as, the state kept at {@code kept}. */
    static boolean isStale(long incoming, long kept) {
        return incoming <= kept;
    }
}
