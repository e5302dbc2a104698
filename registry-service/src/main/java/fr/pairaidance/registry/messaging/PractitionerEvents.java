package fr.pairaidance.registry.messaging;

import fr.pairaidance.contracts.PractitionerChanged;
import fr.pairaidance.platform.outbox.Outbox;
import fr.pairaidance.registry.persistence.Consent;
import fr.pairaidance.registry.persistence.Practitioner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Writes the events of the practitioner aggregate to the outbox, in the caller's transaction. */
@ApplicationScoped
public class PractitionerEvents {

    public static final String TOPIC = PractitionerChanged.TOPIC;

    private final Outbox outbox;
    private final Clock clock;

    PractitionerEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void registered(Practitioner p) {
        // A new record has no consent yet: nothing is published.
        outbox.publish(TOPIC, p.id.toString(), PractitionerChanged.REGISTERED, snapshot(p, null, null));
    }

    public void updated(Practitioner p) {
        emit(PractitionerChanged.UPDATED, p, null);
    }

    public void consentsChanged(Practitioner p) {
        emit(PractitionerChanged.CONSENTS_CHANGED, p, null);
    }

    public void trainingCompleted(Practitioner p, List<String> moduleCodes) {
        emit(PractitionerChanged.TRAINING_MODULE_COMPLETED, p, moduleCodes);
    }

    public void priorExperienceRecognised(Practitioner p, List<String> moduleCodes) {
        emit(PractitionerChanged.PRIOR_EXPERIENCE_RECOGNISED, p, moduleCodes);
    }

    public void coreCompleted(Practitioner p) {
        emit(PractitionerChanged.CORE_COMPLETED, p, null);
    }

    /**
     * The withdrawal, with no personal data, then a tombstone: once the topic is compacted no
     * earlier record of the practitioner stays readable.
     */
    public void withdrawn(Practitioner p) {
        outbox.publish(TOPIC, p.id.toString(), PractitionerChanged.WITHDRAWN, new PractitionerChanged(p.id,
                p.registryNumber, null, p.status.name(), p.coreComplete, p.coreCompletedAt, null, null, null, null,
                null, null, null, null, nextVersion(p), clock.instant()));
        outbox.tombstone(TOPIC, p.id.toString(), PractitionerChanged.ERASED);
    }

    private void emit(String type, Practitioner p, List<String> moduleCodes) {
        outbox.publish(TOPIC, p.id.toString(), type, snapshot(p, publication(p), moduleCodes));
    }

    private PractitionerChanged snapshot(Practitioner p, PractitionerChanged.Publication publication,
            List<String> moduleCodes) {
        return new PractitionerChanged(p.id, p.registryNumber, p.subject, p.status.name(), p.coreComplete,
                p.coreCompletedAt, p.publicName(), p.zoneCode, p.departmentCode, p.regionCode, List.copyOf(p.modes),
                p.remote, publication, moduleCodes, nextVersion(p), clock.instant());
    }

    /**
     * The practitioner's next event version, kept on the record: written with the change in its transaction,
     * and two concurrent changes of one record conflict on its optimistic lock, so versions never repeat.
     */
    private static long nextVersion(Practitioner p) {
        p.eventVersion += 1;
        return p.eventVersion;
    }

    private static PractitionerChanged.Publication publication(Practitioner p) {
        return Consent.current(p.id).filter(c -> c.listed).map(c -> new PractitionerChanged.Publication(true,
                c.key.version(),
                c.commune ? p.communeCode : null,
                c.domains ? List.copyOf(p.domains) : null,
                c.appellations ? List.copyOf(p.appellations) : null,
                c.formats ? List.copyOf(p.formats) : null,
                c.languages ? List.copyOf(p.languages) : null,
                c.contact ? new PractitionerChanged.Contact(p.email, p.phone) : null,
                c.organisation ? organisation(p) : null))
                .orElse(null);
    }

    /** The SIRET and the employer's name the record holds (each only with its mode); none: absent. */
    private static PractitionerChanged.Organisation organisation(Practitioner p) {
        return p.siret == null && p.employerName == null ? null
                : new PractitionerChanged.Organisation(p.siret, p.employerName);
    }
}
