package fr.pairaidance.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class OneLineValidator implements ConstraintValidator<OneLine, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || (!Text.hasLineBreaksOrControlCharacters(value)
                && value.codePoints().anyMatch(Character::isLetterOrDigit));
    }
}
