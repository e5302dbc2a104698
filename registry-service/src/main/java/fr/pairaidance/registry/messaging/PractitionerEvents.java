package fr.pairaidance.registry.messaging;

import fr.pairaidance.platform.outbox.Outbox;
import fr.pairaidance.registry.persistence.Consent;
import fr.pairaidance.registry.persistence.Practitioner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Writes the events of the practitioner aggregate to the outbox, in the caller's transaction. */
@ApplicationScoped
public class PractitionerEvents {

    public static final String TOPIC = "registry.practitioner";
    private static final String PREFIX = "fr.pairaidance.registry.practitioner.";
    public static final String REGISTERED = PREFIX + "registered.v1";
    public static final String UPDATED = PREFIX + "updated.v1";
    public static final String CONSENTS_CHANGED = PREFIX + "consents-changed.v1";
    public static final String TRAINING_COMPLETED = PREFIX + "training-module-completed.v1";
    public static final String PRIOR_EXPERIENCE_RECOGNISED = PREFIX + "prior-experience-recognised.v1";
    public static final String CORE_COMPLETED = PREFIX + "core-completed.v1";
    public static final String WITHDRAWN = PREFIX + "withdrawn.v1";
    public static final String ERASED = PREFIX + "erased.v1";

    private final Outbox outbox;
    private final Clock clock;

    PractitionerEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void registered(Practitioner p) {
        // A new record has no consent yet: nothing is published.
        outbox.publish(TOPIC, p.id.toString(), REGISTERED, snapshot(p, null, null));
    }

    public void updated(Practitioner p) {
        emit(UPDATED, p, null);
    }

    public void consentsChanged(Practitioner p) {
        emit(CONSENTS_CHANGED, p, null);
    }

    public void trainingCompleted(Practitioner p, List<String> moduleCodes) {
        emit(TRAINING_COMPLETED, p, moduleCodes);
    }

    public void priorExperienceRecognised(Practitioner p, List<String> moduleCodes) {
        emit(PRIOR_EXPERIENCE_RECOGNISED, p, moduleCodes);
    }

    public void coreCompleted(Practitioner p) {
        emit(CORE_COMPLETED, p, null);
    }

    /**
     * The withdrawal, with no personal data, then a tombstone: once the topic is compacted no
     * earlier record of the practitioner stays readable.
     */
    public void withdrawn(Practitioner p) {
        outbox.publish(TOPIC, p.id.toString(), WITHDRAWN, new PractitionerEvent(p.id, p.registryNumber, null,
                p.status.name(), p.coreComplete, p.coreCompletedAt, null, null, null, null, null, null, null, null,
                clock.instant()));
        outbox.tombstone(TOPIC, p.id.toString(), ERASED);
    }

    private void emit(String type, Practitioner p, List<String> moduleCodes) {
        outbox.publish(TOPIC, p.id.toString(), type, snapshot(p, publication(p), moduleCodes));
    }

    private PractitionerEvent snapshot(Practitioner p, PractitionerEvent.Publication publication,
            List<String> moduleCodes) {
        return new PractitionerEvent(p.id, p.registryNumber, p.subject, p.status.name(), p.coreComplete,
                p.coreCompletedAt, p.publicName(), p.zoneCode, p.departmentCode, p.regionCode, List.copyOf(p.modes),
                p.remote, publication, moduleCodes, clock.instant());
    }

    private static PractitionerEvent.Publication publication(Practitioner p) {
        return Consent.current(p.id).filter(c -> c.listed).map(c -> new PractitionerEvent.Publication(true,
                c.key.version(),
                c.commune ? p.communeCode : null,
                c.domains ? List.copyOf(p.domains) : null,
                c.appellations ? List.copyOf(p.appellations) : null,
                c.formats ? List.copyOf(p.formats) : null,
                c.languages ? List.copyOf(p.languages) : null,
                c.contact ? new PractitionerEvent.Contact(p.email, p.phone) : null,
                c.organisation ? organisation(p) : null))
                .orElse(null);
    }

    /** The SIRET and the employer's name the record holds (each only with its mode); none: absent. */
    private static PractitionerEvent.Organisation organisation(Practitioner p) {
        return p.siret == null && p.employerName == null ? null
                : new PractitionerEvent.Organisation(p.siret, p.employerName);
    }
}
