package fr.pairaidance.platform.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A JSON event payload; every payload states the version of its schema. */
public interface EventPayload {

    @JsonProperty("schemaVersion")
    default int schemaVersion() {
        return 1;
    }
}
