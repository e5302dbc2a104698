package fr.pairaidance.platform.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a submitted form, by field id, in the order of the form: the page lists them in an error
 * summary (each linking to its field) and shows each next to its field. Messages are already in the
 * person's language.
 */
@TemplateData
public final class FormErrors {

    /** One field at fault: the id of its input and the message to show. */
    @TemplateData
    public record FieldError(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    public int count() {
        return byField.size();
    }

    public List<FieldError> all() {
        List<FieldError> list = new ArrayList<>();
        byField.forEach((field, message) -> list.add(new FieldError(field, message)));
        return list;
    }
}
