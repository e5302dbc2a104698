package fr.pairaidance.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number in E.164 form, e.g. {@code +33612345678} (null is valid). */
@Documented
@ReportAsSingleViolation
@Pattern(regexp = "\\+[1-9][0-9]{6,14}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Phone {
    String message() default "must be a phone number in E.164 form, e.g. +33612345678";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
