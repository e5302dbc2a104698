package fr.pairaidance.registry.service;

import fr.pairaidance.platform.problem.Problem.FieldError;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a practitioner's record that Bean Validation cannot make alone: codes against the
 * vocabularies and the INSEE geography, and what each mode of practice requires. Shared by the
 * API and the bulk import so that both accept exactly the same records.
 */
@ApplicationScoped
public class PractitionerRules {

    private final Vocabularies vocabularies;
    private final Geography geography;
    private final Clock clock;

    PractitionerRules(Vocabularies vocabularies, Geography geography, Clock clock) {
        this.vocabularies = vocabularies;
        this.geography = geography;
        this.clock = clock;
    }

    public List<FieldError> check(PractitionerInput in) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(vocabularies.check("domains", Vocabularies.DOMAINS, in.domains()));
        errors.addAll(vocabularies.check("appellations", Vocabularies.APPELLATIONS, in.appellations()));
        errors.addAll(vocabularies.check("modes", Vocabularies.MODES, in.modes()));
        errors.addAll(vocabularies.check("formats", Vocabularies.FORMATS, in.formats()));
        errors.addAll(vocabularies.check("languages", Vocabularies.LANGUAGES, in.languages()));
        if (in.communeCode() != null && geography.commune(in.communeCode()).isEmpty()) {
            errors.add(new FieldError("communeCode", "unknown INSEE commune code '" + in.communeCode() + "'"));
        } else if (in.communeCode() != null && geography.commune(in.communeCode()).get().zoneCode() == null) {
            errors.add(new FieldError("communeCode", "this commune belongs to no employment zone"));
        }
        if (in.modes() != null && in.modes().contains("SELF_EMPLOYED") && (in.siret() == null || in.siret().isBlank())) {
            errors.add(new FieldError("siret", "is required for the mode SELF_EMPLOYED"));
        }
        if (in.modes() != null && in.modes().contains("SALARIED")
                && (in.employerName() == null || in.employerName().isBlank())) {
            errors.add(new FieldError("employerName", "is required for the mode SALARIED"));
        }
        if (in.birthDate() != null && in.birthDate().isAfter(LocalDate.now(clock).minusYears(16))) {
            errors.add(new FieldError("birthDate", "the practitioner must be at least 16 years old"));
        }
        if (in.birthDate() != null && in.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
            errors.add(new FieldError("birthDate", "must be after 1900-01-01"));
        }
        if (hasDuplicates(in.domains()) || hasDuplicates(in.appellations()) || hasDuplicates(in.modes())
                || hasDuplicates(in.formats()) || hasDuplicates(in.languages())) {
            errors.add(new FieldError("request", "a list holds the same code twice"));
        }
        return errors;
    }

    private static boolean hasDuplicates(List<String> values) {
        return values != null && values.stream().distinct().count() != values.size();
    }
}
