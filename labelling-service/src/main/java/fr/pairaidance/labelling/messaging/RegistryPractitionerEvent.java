package fr.pairaidance.labelling.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** The fields of a {@code registry.practitioner} event this service keeps (the others are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryPractitionerEvent(
        UUID practitionerId,
        String registryNumber,
        String subject,
        String status,
        boolean coreComplete,
        String publicName,
        Instant occurredAt) {
}
