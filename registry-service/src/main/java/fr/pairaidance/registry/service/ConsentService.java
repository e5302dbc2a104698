package fr.pairaidance.registry.service;

import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.validation.InputValidator;
import fr.pairaidance.registry.messaging.PractitionerEvents;
import fr.pairaidance.registry.persistence.Consent;
import fr.pairaidance.registry.persistence.Practitioner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Versioned, revocable consents to publication; by default nothing is published. */
@ApplicationScoped
public class ConsentService {

    private final PractitionerEvents events;
    private final InputValidator validator;
    private final Clock clock;

    ConsentService(PractitionerEvents events, InputValidator validator, Clock clock) {
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    /** The consent in force: version 0, nothing published, when the practitioner never gave one. */
    public Consent current(UUID practitionerId, Caller caller) {
        Practitioner p = PractitionerAccess.readable(practitionerId, caller);
        return Consent.current(p.id).orElseGet(() -> none(p.id));
    }

    public List<Consent> history(UUID practitionerId, Caller caller) {
        Practitioner p = PractitionerAccess.readable(practitionerId, caller);
        return Consent.history(p.id);
    }

    /** Records a new version of the consent; only the practitioner may give it. */
    @Transactional
    public Consent give(UUID practitionerId, ConsentInput in, Caller caller) {
        Practitioner p = PractitionerAccess.ownOnly(practitionerId, caller);
        validator.require(in);
        // Two saves at the same moment (a double click) take their turns: each gets the next version.
        Practitioner.getEntityManager().refresh(p, LockModeType.PESSIMISTIC_WRITE);
        int version = Consent.current(p.id).map(c -> c.key.version()).orElse(0) + 1;
        Consent consent = new Consent();
        consent.key = new Consent.Key(p.id, version);
        consent.listed = in.listed();
        consent.domains = in.domains();
        consent.appellations = in.appellations();
        consent.formats = in.formats();
        consent.languages = in.languages();
        consent.commune = in.commune();
        consent.contact = in.contact();
        consent.organisation = in.organisationPublished();
        consent.givenAt = clock.instant();
        consent.givenBy = caller.subject();
        consent.persistAndFlush();
        events.consentsChanged(p);
        return consent;
    }

    private static Consent none(UUID practitionerId) {
        Consent consent = new Consent();
        consent.key = new Consent.Key(practitionerId, 0);
        return consent;
    }
}
