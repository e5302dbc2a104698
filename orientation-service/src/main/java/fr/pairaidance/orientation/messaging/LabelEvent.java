package fr.pairaidance.orientation.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What orientation reads of a {@code labelling.label} event (deploy/docs/events.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelEvent(UUID labelId, String labelNumber, UUID practitionerId, String registryNumber, String state,
        LocalDate expiresOn, Instant occurredAt) {
}
