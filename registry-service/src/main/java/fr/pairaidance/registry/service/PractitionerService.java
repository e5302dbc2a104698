package fr.pairaidance.registry.service;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.problem.Problem.FieldError;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.rest.Etags;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.validation.InputValidator;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.messaging.PractitionerEvents;
import fr.pairaidance.registry.persistence.Consent;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.persistence.TrainingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import fr.pairaidance.platform.mail.Mails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registration, correction, search and withdrawal of practitioners. */
@ApplicationScoped
public class PractitionerService {

    private static final FieldError EMAIL_TAKEN = new FieldError("email", "is already registered");
    private static final FieldError EMAIL_NOT_OWNED = new FieldError("email",
            "must be the verified email address of your account (verify it in your account first)");

    private final PractitionerRules rules;
    private final Geography geography;
    private final PractitionerEvents events;
    private final IdempotencyKeys idempotencyKeys;
    private final EntityManager em;
    private final RegistryNumbers registryNumbers;
    private final InputValidator validator;
    private final Clock clock;
    private final Mails mails;

    PractitionerService(PractitionerRules rules, Geography geography, PractitionerEvents events,
            IdempotencyKeys idempotencyKeys, EntityManager em, RegistryNumbers registryNumbers,
            InputValidator validator, Clock clock, Mails mails) {
        this.mails = mails;
        this.validator = validator;
        this.rules = rules;
        this.geography = geography;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.em = em;
        this.registryNumbers = registryNumbers;
        this.clock = clock;
    }

    /** The result of a registration: the record, and whether an earlier request with the same key created it. */
    public record Registration(Practitioner practitioner, boolean replayed) {
    }

    @Transactional
    public Registration register(PractitionerInput in, String idempotencyKey, Caller caller) {
        Optional<String> earlier = idempotencyKeys.claim("register-practitioner", caller, idempotencyKey,
                String.valueOf(in));
        if (earlier.isPresent()) {
            return new Registration(PractitionerAccess.load(UUID.fromString(earlier.get())), true);
        }
        Practitioner p = create(in, caller);
        idempotencyKeys.complete("register-practitioner", caller, idempotencyKey, p.id.toString());
        return new Registration(p, false);
    }

    /**
     * Creates a practitioner in the caller's transaction; a practitioner registering themselves is
     * linked to their account. Used by the API and by the bulk import.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Practitioner create(PractitionerInput in, Caller caller) {
        List<FieldError> errors = faults(in);
        if (isSelfService(caller) && !ownsEmail(caller, in.email())) {
            errors.add(EMAIL_NOT_OWNED);
        }
        if (!errors.isEmpty()) {
            // Rare path: the answer still lists every field at fault, the email included.
            if (errors.stream().noneMatch(e -> e.field().equals("email"))
                    && Practitioner.emailTaken(in.email(), new UUID(0, 0))) {
                errors.add(EMAIL_TAKEN);
            }
            throw ProblemException.invalid(errors);
        }
        // The unique index on lower(email) finds a duplicate in the insert itself: no query before it, and
        // two registrations of one email at the same time cannot both pass.
        try {
            Practitioner p = insert(in, caller, registryNumbers.next(1, clock.instant()).pop());
            em.flush();
            return p;
        } catch (PersistenceException e) {
            if (UniqueIndex.violatedBy(e, UniqueIndex.EMAIL)) {
                // A practitioner's own verified email: the record holding it is theirs, or theirs to link at /me.
                throw isSelfService(caller) ? alreadyRegistered() : ProblemException.invalid(List.of(EMAIL_TAKEN));
            }
            if (UniqueIndex.violatedBy(e, UniqueIndex.SUBJECT)) {
                throw alreadyRegistered(); // the same account registering itself twice at the same moment
            }
            throw e;
        }
    }

    /** Inserts a record that has passed {@link PractitionerRules} and the email check. */
    @Transactional(Transactional.TxType.MANDATORY)
    Practitioner insert(PractitionerInput in, Caller caller, String registryNumber) {
        Practitioner p = new Practitioner();
        p.id = UUID.randomUUID();
        p.status = Practitioner.Status.ACTIVE;
        p.registeredAt = clock.instant();
        p.updatedAt = p.registeredAt;
        p.registryNumber = registryNumber;
        if (isSelfService(caller)) {
            if (Practitioner.findBySubject(caller.subject()).isPresent()) {
                throw alreadyRegistered();
            }
            p.subject = caller.subject();
        }
        apply(in, p);
        // The event first: it gives the record its first event version, which the insert then carries.
        events.registered(p);
        p.persist();
        return p;
    }

    @Transactional
    public Practitioner update(UUID id, PractitionerInput in, String ifMatch, Caller caller) {
        Practitioner p = PractitionerAccess.writable(id, caller);
        Etags.requireMatch(ifMatch, p.version);
        List<FieldError> errors = faults(in);
        if (isSelfService(caller) && !sameEmail(in.email(), p.email) && !ownsEmail(caller, in.email())) {
            errors.add(EMAIL_NOT_OWNED);
        } else if (Practitioner.emailTaken(in.email(), p.id)) {
            errors.add(EMAIL_TAKEN);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        apply(in, p);
        p.updatedAt = clock.instant();
        events.updated(p); // before the flush: the record's one update carries its new event version
        try {
            em.flush(); // the unique index also catches another record taking the same email at the same time
        } catch (PersistenceException e) {
            if (UniqueIndex.violatedBy(e, UniqueIndex.EMAIL)) {
                throw ProblemException.invalid(List.of(EMAIL_TAKEN));
            }
            throw e;
        }
        return p;
    }

    public Practitioner get(UUID id, Caller caller) {
        return PractitionerAccess.readable(id, caller);
    }

    /**
     * The signed-in practitioner's record. A record registered by an agent is linked to the account
     * on first use when the token carries a verified email equal to the record's.
     */
    @Transactional
    public Practitioner me(Caller caller) {
        Optional<Practitioner> linked = Practitioner.findBySubject(caller.subject());
        if (linked.isPresent()) {
            return linked.get();
        }
        if (caller.email() != null && caller.emailVerified()) {
            Optional<Practitioner> unlinked = Practitioner.findUnlinkedByEmail(caller.email());
            if (unlinked.isPresent()) {
                Practitioner p = unlinked.get();
                p.subject = caller.subject();
                p.updatedAt = clock.instant();
                events.updated(p);
                em.flush();
                return p;
            }
        }
        throw new ProblemException(404, "not-registered", "Not registered",
                "no practitioner record is linked to your account; register or ask an agency to register you", null);
    }

    public RegisterSearch.Page search(RegisterSearch.Criteria criteria) {
        return new RegisterSearch(em).run(criteria);
    }

    /**
     * Withdrawal with erasure: personal data and training records are deleted; the registry number
     * and dates stay, to prove past decisions. The events tell every other service to erase its copy.
     */
    @Transactional
    public Practitioner withdraw(UUID id, Caller caller) {
        Practitioner p = PractitionerAccess.writable(id, caller);
        p.status = Practitioner.Status.WITHDRAWN;
        p.withdrawnAt = clock.instant();
        p.updatedAt = p.withdrawnAt;
        p.subject = null;
        p.givenName = null;
        p.familyName = null;
        p.birthDate = null;
        p.email = null;
        p.phone = null;
        p.communeCode = null;
        p.departmentCode = null;
        p.regionCode = null;
        p.zoneCode = null;
        p.domains = new ArrayList<>();
        p.appellations = new ArrayList<>();
        p.modes = new ArrayList<>();
        p.siret = null;
        p.employerName = null;
        p.formats = new ArrayList<>();
        p.languages = new ArrayList<>();
        p.remote = false;
        TrainingRecord.delete("practitionerId", p.id);
        // Consent versions stay, as proof of what was published; the account that gave them does not.
        Consent.eraseGivers(p.id);
        mails.forget(p.id.toString());
        events.withdrawn(p);
        em.flush();
        return p;
    }

    /**
     * Every fault of a record in one answer: Bean Validation's, then the rules' (vocabularies, commune, modes,
     * age) on the fields it let pass. Also the import's check of each row.
     */
    List<FieldError> faults(PractitionerInput in) {
        List<FieldError> errors = new ArrayList<>(validator.faults(in));
        Set<String> named = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        rules.check(in).stream().filter(e -> !named.contains(e.field())).forEach(errors::add);
        return errors;
    }

    /** A practitioner acting on their own record, not an agent acting for them. */
    private static boolean isSelfService(Caller caller) {
        return caller.has(Roles.PRACTITIONER) && !caller.has(Roles.REGISTRY_AGENT);
    }

    /**
     * Whether the address is the caller's verified one. A practitioner gives no other: a record holding someone
     * else's address would block that person's registration by an agency and the link to their account.
     */
    private static boolean ownsEmail(Caller caller, String email) {
        return caller.emailVerified() && sameEmail(email, caller.email());
    }

    private static boolean sameEmail(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static ProblemException alreadyRegistered() {
        return ProblemException.conflict("already-registered", "Already registered",
                "a practitioner record is already linked to your account or holds its email; "
                        + "read it at /api/v1/practitioners/me");
    }

    private void apply(PractitionerInput in, Practitioner p) {
        Geography.Commune commune = geography.commune(in.communeCode()).orElseThrow();
        p.givenName = in.givenName().strip();
        p.familyName = in.familyName().strip();
        p.birthDate = in.birthDate();
        p.email = in.email().strip();
        p.phone = in.phone();
        p.communeCode = commune.code();
        p.departmentCode = commune.departmentCode();
        p.regionCode = commune.regionCode();
        p.zoneCode = commune.zoneCode();
        p.domains = new ArrayList<>(in.domains());
        p.appellations = new ArrayList<>(in.appellations());
        p.modes = new ArrayList<>(in.modes());
        p.siret = in.modes().contains("SELF_EMPLOYED") ? in.siret() : null;
        p.employerName = in.modes().contains("SALARIED") ? in.employerName().strip() : null;
        p.formats = new ArrayList<>(in.formats());
        p.languages = new ArrayList<>(in.languages());
        p.remote = in.remote();
    }
}
