package fr.pairaidance.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A SIRET: 14 digits whose Luhn checksum is valid (null is valid: combine with @NotNull). */
@Documented
@Constraint(validatedBy = SiretValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Siret {
    String message() default "must be a SIRET: 14 digits with a valid Luhn checksum";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
