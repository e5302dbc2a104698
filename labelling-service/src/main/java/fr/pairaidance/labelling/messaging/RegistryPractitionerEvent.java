package fr.pairaidance.labelling.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
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
        String regionCode,
        Publication publication,
        Instant occurredAt) {

    /** What the practitioner consented to publish (absent: nothing); domains only with that consent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Publication(List<String> domains) {
    }

    /** Whether the practitioner consented to publish their lived-experience domains. */
    public boolean domainsPublished() {
        return publication != null && publication.domains() != null && !publication.domains().isEmpty();
    }
}
