package fr.pairaidance.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or reference shown to other people: one line, no control character, and at least one letter or
 * digit (a value of spaces, no-break spaces or zero-width characters only is not a name). Null is valid.
 */
@Documented
@Constraint(validatedBy = OneLineValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneLine {
    String message() default "must be one line of text with at least one letter or digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
