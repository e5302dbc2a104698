package fr.pairaidance.orientation.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What orientation reads of a {@code registry.practitioner} event (deploy/docs/events.md); other
 * fields are ignored so that the producer may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryEvent(UUID practitionerId, String registryNumber, String subject, String status,
        String publicName, String zoneCode, String departmentCode, String regionCode, List<String> modes,
        Boolean remote, Publication publication, Instant occurredAt) {

    /** Present only when the practitioner consented to be listed; null fields are not published. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Publication(boolean listed, Integer consentVersion, String communeCode, List<String> domains,
            List<String> appellations, List<String> formats, List<String> languages, Contact contact,
            Organisation organisation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String email, String phone) {
    }

    /** The organisation practised in (SIRET when self-employed, employer's name when salaried), with its consent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(String siret, String employerName) {
    }
}
