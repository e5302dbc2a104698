package fr.pairaidance.registry.service;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.platform.problem.Problem.FieldError;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.registry.messaging.PractitionerEvents;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.persistence.TrainingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Training completions, prior-experience recognition and the completeness of the common core. */
@ApplicationScoped
public class TrainingService {

    private final TrainingCatalogue catalogue;
    private final Vocabularies vocabularies;
    private final PractitionerEvents events;
    private final IdempotencyKeys idempotencyKeys;
    private final EntityManager em;
    private final Clock clock;

    TrainingService(TrainingCatalogue catalogue, Vocabularies vocabularies, PractitionerEvents events,
            IdempotencyKeys idempotencyKeys, EntityManager em, Clock clock) {
        this.catalogue = catalogue;
        this.vocabularies = vocabularies;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.em = em;
        this.clock = clock;
    }

    /** A practitioner's training history and what the common core still lacks. */
    public record History(String catalogueVersion, boolean coreComplete, List<String> missingCoreModules,
            List<TrainingRecord> records) {
    }

    public History history(UUID practitionerId, Caller caller) {
        Practitioner p = PractitionerAccess.readable(practitionerId, caller);
        List<TrainingRecord> records = TrainingRecord.ofPractitioner(p.id);
        return new History(catalogue.version(), p.coreComplete, catalogue.missingCore(covered(records)), records);
    }

    @Transactional
    public IdempotentResult<TrainingRecord> recordCompletion(UUID practitionerId, CompletionInput in, String idempotencyKey, Caller caller) {
        Practitioner p = PractitionerAccess.writable(practitionerId, caller);
        // Two records of one practitioner at the same moment take their turns (each event gets its version).
        Practitioner.getEntityManager().refresh(p, LockModeType.PESSIMISTIC_WRITE);
        Optional<String> earlier = idempotencyKeys.claim("training-completion", caller, idempotencyKey, p.id + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(TrainingRecord.findById(UUID.fromString(earlier.get())), true);
        }
        List<FieldError> errors = new ArrayList<>();
        if (catalogue.module(in.moduleCode()).isEmpty()) {
            errors.add(new FieldError("moduleCode", "unknown module '" + in.moduleCode() + "' in catalogue " + catalogue.version()));
        }
        if (!vocabularies.contains(Vocabularies.DELIVERY, in.delivery())) {
            errors.add(new FieldError("delivery", "must be ON_SITE or REMOTE"));
        }
        requireAfterBirth(p, in.completedOn(), "completedOn", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TrainingRecord record = newRecord(p, TrainingRecord.Kind.COMPLETION, List.of(in.moduleCode()), caller);
        record.achievedOn = in.completedOn();
        record.trainingBodyName = in.trainingBody().name().strip();
        record.trainingBodySiret = in.trainingBody().siret();
        record.evidenceReference = in.evidenceReference().strip();
        record.delivery = in.delivery();
        record.persist();
        idempotencyKeys.complete("training-completion", caller, idempotencyKey, record.id.toString());
        events.trainingCompleted(p, record.moduleCodes);
        updateCoreCompletion(p);
        return new IdempotentResult<>(record, false);
    }

    @Transactional
    public IdempotentResult<TrainingRecord> recognisePriorExperience(UUID practitionerId, PriorExperienceInput in, String idempotencyKey,
            Caller caller) {
        Practitioner p = PractitionerAccess.writable(practitionerId, caller);
        // Two records of one practitioner at the same moment take their turns (each event gets its version).
        Practitioner.getEntityManager().refresh(p, LockModeType.PESSIMISTIC_WRITE);
        Optional<String> earlier = idempotencyKeys.claim("prior-experience", caller, idempotencyKey, p.id + ":" + in);
        if (earlier.isPresent()) {
            return new IdempotentResult<>(TrainingRecord.findById(UUID.fromString(earlier.get())), true);
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < in.moduleCodes().size(); i++) {
            if (catalogue.module(in.moduleCodes().get(i)).isEmpty()) {
                errors.add(new FieldError("moduleCodes[" + i + "]", "unknown module '" + in.moduleCodes().get(i) + "'"));
            }
        }
        requireAfterBirth(p, in.decidedOn(), "decidedOn", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TrainingRecord record = newRecord(p, TrainingRecord.Kind.PRIOR_EXPERIENCE,
                in.moduleCodes().stream().distinct().toList(), caller);
        record.achievedOn = in.decidedOn();
        record.evidenceReference = in.evidenceReference().strip();
        record.decidedBy = caller.displayName();
        record.persist();
        idempotencyKeys.complete("prior-experience", caller, idempotencyKey, record.id.toString());
        events.priorExperienceRecognised(p, record.moduleCodes);
        updateCoreCompletion(p);
        return new IdempotentResult<>(record, false);
    }

    /** A module is completed, or experience recognised, in the practitioner's lifetime. */
    private static void requireAfterBirth(Practitioner p, LocalDate date, String field, List<FieldError> errors) {
        if (date.isBefore(p.birthDate)) {
            errors.add(new FieldError(field, "must not be before the practitioner's birth date"));
        }
    }

    private TrainingRecord newRecord(Practitioner p, TrainingRecord.Kind kind, List<String> modules, Caller caller) {
        TrainingRecord record = new TrainingRecord();
        record.id = UUID.randomUUID();
        record.practitionerId = p.id;
        record.kind = kind;
        record.moduleCodes = new ArrayList<>(modules);
        record.catalogueVersion = catalogue.version();
        record.recordedAt = clock.instant();
        record.recordedBy = caller.displayName();
        return record;
    }

    private void updateCoreCompletion(Practitioner p) {
        if (p.coreComplete) {
            return;
        }
        em.flush();
        if (catalogue.missingCore(covered(TrainingRecord.ofPractitioner(p.id))).isEmpty()) {
            p.coreComplete = true;
            p.coreCompletedAt = clock.instant();
            p.updatedAt = p.coreCompletedAt;
            em.flush();
            events.coreCompleted(p);
        }
    }

    private static Set<String> covered(List<TrainingRecord> records) {
        Set<String> codes = new HashSet<>();
        records.forEach(r -> codes.addAll(r.moduleCodes));
        return codes;
    }
}
