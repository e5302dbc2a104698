package fr.pairaidance.labelling.service;

import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Vocabularies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** A scope holds known codes of the vocabularies, each once. */
@ApplicationScoped
public class ScopeRules {

    private final Vocabularies vocabularies;

    ScopeRules(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** @param field the scope's JSON path, e.g. {@code scope} */
    public void check(String field, ScopeInput scope) {
        List<Problem.FieldError> errors = new ArrayList<>();
        errors.addAll(vocabularies.check(field + ".domains", Vocabularies.DOMAINS, scope.domains()));
        errors.addAll(vocabularies.check(field + ".appellations", Vocabularies.APPELLATIONS, scope.appellations()));
        if (scope.domains().stream().distinct().count() < scope.domains().size()) {
            errors.add(new Problem.FieldError(field + ".domains", "must not repeat a code"));
        }
        if (scope.appellations().stream().distinct().count() < scope.appellations().size()) {
            errors.add(new Problem.FieldError(field + ".appellations", "must not repeat a code"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
