package fr.pairaidance.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every event of topic {@value #TOPIC} (producer: labelling-service): the label's current state
 * (event-carried state transfer). Key: the <em>practitioner</em> id, so that compaction keeps each
 * practitioner's current label; {@code version} grows with every label event of the practitioner (a new
 * label after a revoked one continues it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelChanged(
        UUID labelId,
        String labelNumber,
        UUID practitionerId,
        String registryNumber,
        String state,
        Scope scope,
        Instant grantedAt,
        LocalDate expiresOn,
        LocalDate suspendedUntil,
        String reason,
        long version,
        Instant occurredAt) implements EventPayload {

    public static final String TOPIC = "labelling.label";
    private static final String PREFIX = "fr.pairaidance.labelling.label.";
    public static final String GRANTED = PREFIX + "granted.v1";
    public static final String SUSPENDED = PREFIX + "suspended.v1";
    public static final String REINSTATED = PREFIX + "reinstated.v1";
    public static final String REVOKED = PREFIX + "revoked.v1";
    public static final String RENEWAL_DUE = PREFIX + "renewal-due.v1";
    public static final String RENEWED = PREFIX + "renewed.v1";
    public static final String EXPIRED = PREFIX + "expired.v1";
    public static final String WITHDRAWN = PREFIX + "withdrawn.v1";
    /** A tombstone (null value) after {@link #WITHDRAWN}. */
    public static final String ERASED = PREFIX + "erased.v1";
    public static final List<String> TYPES = List.of(GRANTED, SUSPENDED, REINSTATED, REVOKED, RENEWAL_DUE, RENEWED,
            EXPIRED, WITHDRAWN, ERASED);

    /** What the label covers: lived-experience domains and appellations. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scope(List<String> domains, List<String> appellations) {
    }
}
