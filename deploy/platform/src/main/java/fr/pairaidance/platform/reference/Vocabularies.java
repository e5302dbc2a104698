package fr.pairaidance.platform.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.platform.problem.Problem;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The versioned vocabularies (codes with French and English labels) of {@code vocabularies.json}. */
@Singleton
public class Vocabularies {

    public static final String DOMAINS = "domains";
    public static final String APPELLATIONS = "appellations";
    public static final String MODES = "modes";
    public static final String FORMATS = "formats";
    public static final String DELIVERY = "delivery";
    public static final String LANGUAGES = "languages";

    public record Term(String code, String fr, String en) {
    }

    public record Catalogue(String version, Map<String, List<Term>> vocabularies) {
    }

    private final Catalogue catalogue;
    private final Map<String, Set<String>> codes;

    public Vocabularies() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("fr/pairaidance/reference/vocabularies.json")) {
            catalogue = new ObjectMapper().readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        codes = catalogue.vocabularies().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(Term::code).collect(Collectors.toUnmodifiableSet())));
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public List<Term> terms(String vocabulary) {
        return catalogue.vocabularies().getOrDefault(vocabulary, List.of());
    }

    public boolean contains(String vocabulary, String code) {
        return code != null && codes.getOrDefault(vocabulary, Set.of()).contains(code);
    }

    /** One error per unknown code, naming the field and its index, e.g. {@code domains[1]}. */
    public List<Problem.FieldError> check(String field, String vocabulary, Collection<String> values) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (values == null) {
            return errors;
        }
        int i = 0;
        for (String value : values) {
            if (!contains(vocabulary, value)) {
                errors.add(new Problem.FieldError(field + "[" + i + "]",
                        "unknown code '" + value + "' of vocabulary " + vocabulary));
            }
            i++;
        }
        return errors;
    }
}
