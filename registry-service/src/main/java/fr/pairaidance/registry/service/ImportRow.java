package fr.pairaidance.registry.service;

import fr.pairaidance.platform.validation.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV row of a bulk import turned into a {@link PractitionerInput}. The documented columns:
 * {@code given_name, family_name, birth_date (YYYY-MM-DD), email, phone (E.164), commune_code,
 * domains, appellations, modes, siret, employer_name, formats, languages, remote (true/false)};
 * list columns separate their codes with {@code |}.
 */
final class ImportRow {

    static final List<String> COLUMNS = List.of("given_name", "family_name", "birth_date", "email", "phone",
            "commune_code", "domains", "appellations", "modes", "siret", "employer_name", "formats", "languages",
            "remote");

    /** A value that cannot be read at all: the column and why. */
    static final class Unreadable extends Exception {
        final String column;

        Unreadable(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }

    private ImportRow() {
    }

    static PractitionerInput parse(CSVRecord row) throws Unreadable {
        if (!row.isConsistent()) {
            throw new Unreadable("row", "has " + row.size() + " values where the header has " + COLUMNS.size());
        }
        return new PractitionerInput(text(row, "given_name"), text(row, "family_name"), date(row, "birth_date"),
                text(row, "email"), text(row, "phone"), text(row, "commune_code"), list(row, "domains"),
                list(row, "appellations"), list(row, "modes"), text(row, "siret"), text(row, "employer_name"),
                list(row, "formats"), list(row, "languages"), bool(row, "remote"));
    }

    /**
     * The column of a field of {@link PractitionerInput}: {@code birthDate} and {@code domains[2]} are
     * {@code birth_date} and {@code domains}.
     */
    static String column(String field) {
        return field.replaceFirst("\\[.*$", "").replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String text(CSVRecord row, String column) throws Unreadable {
        String value = row.get(column);
        if (Text.hasControlCharacters(value)) {
            throw new Unreadable(column, "must not contain control characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> list(CSVRecord row, String column) throws Unreadable {
        String value = text(row, column);
        return value == null ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(CSVRecord row, String column) throws Unreadable {
        String value = text(row, column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Unreadable(column, "must be a date YYYY-MM-DD");
        }
    }

    private static boolean bool(CSVRecord row, String column) throws Unreadable {
        String value = text(row, column);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1" -> true;
            case "false", "no", "non", "0" -> false;
            default -> throw new Unreadable(column, "must be true or false");
        };
    }
}
