package fr.pairaidance.registry.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.platform.outbox.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every event of topic {@code registry.practitioner}: the practitioner's state as the
 * other services need it (event-carried state transfer), so that the compacted topic's last record
 * of a key is enough to rebuild a read model. Only fields the practitioner consented to publish are
 * in {@code publication}; the lived-experience domains appear nowhere else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PractitionerEvent(
        UUID practitionerId,
        String registryNumber,
        String subject,
        String status,
        boolean coreComplete,
        Instant coreCompletedAt,
        String publicName,
        String zoneCode,
        String departmentCode,
        String regionCode,
        List<String> modes,
        Boolean remote,
        Publication publication,
        List<String> moduleCodes,
        Instant occurredAt) implements EventPayload {

    /** What the practitioner consented to publish in orientation; null fields are not published. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Publication(boolean listed, int consentVersion, String communeCode, List<String> domains,
            List<String> appellations, List<String> formats, List<String> languages, Contact contact,
            Organisation organisation) {
    }

    /** Contact details, present only with the consent to release them through accepted orientation requests. */
    public record Contact(String email, String phone) {
    }

    /**
     * The organisation the practitioner practises in, present only with the consent to publish it: the SIRET
     * when self-employed, the employer's name when salaried (both for a practitioner in both modes).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organisation(String siret, String employerName) {
    }
}
