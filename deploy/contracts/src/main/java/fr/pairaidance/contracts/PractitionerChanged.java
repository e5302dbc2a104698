package fr.pairaidance.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every event of topic {@value #TOPIC} (producer: registry-service): the practitioner's state
 * as the other services need it (event-carried state transfer), so that the compacted topic's last record
 * of a key is enough to rebuild a read model. Only fields the practitioner consented to publish are in
 * {@code publication}; the lived-experience domains appear nowhere else. Key: the practitioner id;
 * {@code version}: the practitioner record's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PractitionerChanged(
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
        long version,
        Instant occurredAt) implements EventPayload {

    public static final String TOPIC = "registry.practitioner";
    private static final String PREFIX = "fr.pairaidance.registry.practitioner.";
    public static final String REGISTERED = PREFIX + "registered.v1";
    public static final String UPDATED = PREFIX + "updated.v1";
    public static final String CONSENTS_CHANGED = PREFIX + "consents-changed.v1";
    public static final String TRAINING_MODULE_COMPLETED = PREFIX + "training-module-completed.v1";
    public static final String PRIOR_EXPERIENCE_RECOGNISED = PREFIX + "prior-experience-recognised.v1";
    public static final String CORE_COMPLETED = PREFIX + "core-completed.v1";
    public static final String WITHDRAWN = PREFIX + "withdrawn.v1";
    /** A tombstone (null value) right after {@link #WITHDRAWN}. */
    public static final String ERASED = PREFIX + "erased.v1";
    public static final List<String> TYPES = List.of(REGISTERED, UPDATED, CONSENTS_CHANGED, TRAINING_MODULE_COMPLETED,
            PRIOR_EXPERIENCE_RECOGNISED, CORE_COMPLETED, WITHDRAWN, ERASED);

    /** What the practitioner consented to publish in orientation; null fields are not published. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Publication(boolean listed, int consentVersion, String communeCode, List<String> domains,
            List<String> appellations, List<String> formats, List<String> languages, Contact contact,
            Organisation organisation) {

        /** Whether the practitioner consented to publish their lived-experience domains. */
        public boolean domainsPublished() {
            return domains != null && !domains.isEmpty();
        }
    }

    /** Contact details, present only with the consent to release them through accepted orientation requests. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String email, String phone) {
    }

    /**
     * The organisation the practitioner practises in, present only with the consent to publish it: the SIRET
     * when self-employed, the employer's name when salaried (both for a practitioner in both modes).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(String siret, String employerName) {
    }

    /** Whether the practitioner consented to publish their lived-experience domains. */
    public boolean domainsPublished() {
        return publication != null && publication.domainsPublished();
    }
}
