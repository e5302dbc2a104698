package fr.pairaidance.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of the events of topic {@value #TOPIC} (producer: labelling-service). No free-text reason: it
 * could hold personal data. Key: the practitioner id; {@code version}: the application's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationChanged(
        UUID applicationId,
        UUID practitionerId,
        String registryNumber,
        String state,
        /** UPHELD or DISMISSED, for an appeal decision. */
        String appealOutcome,
        /** The label granted, when the appeal is upheld. */
        String labelNumber,
        long version,
        Instant occurredAt) implements EventPayload {

    public static final String TOPIC = "labelling.application";
    private static final String PREFIX = "fr.pairaidance.labelling.application.";
    public static final String SUBMITTED = PREFIX + "submitted.v1";
    public static final String REFUSED = PREFIX + "refused.v1";
    public static final String APPEAL_DECIDED = PREFIX + "appeal-decided.v1";
    public static final List<String> TYPES = List.of(SUBMITTED, REFUSED, APPEAL_DECIDED);
}
