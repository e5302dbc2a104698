package fr.pairaidance.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class SiretValidator implements ConstraintValidator<Siret, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isValidSiret(value);
    }

    /** 14 digits with a valid Luhn checksum. */
    public static boolean isValidSiret(String value) {
        if (value == null || !value.matches("\\d{14}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int digit = value.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
