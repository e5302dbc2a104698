package fr.pairaidance.platform.validation;

import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation of an input where it must come after an access check (so that a caller who may
 * not touch a resource learns nothing from validation messages): a 400 problem naming the fields.
 */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * Every field at fault, named as a problem answer names it: for inputs whose own rules report in the same
     * answer (a client then learns of every fault at once, not one round trip each).
     */
    public <T> List<Problem.FieldError> faults(T input) {
        return validator.validate(input).stream()
                .map(v -> new Problem.FieldError(ProblemMappers.fieldOf(v), v.getMessage())).toList();
    }

    public <T> void require(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
