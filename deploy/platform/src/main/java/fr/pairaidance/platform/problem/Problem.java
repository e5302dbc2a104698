package fr.pairaidance.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URN per kind of problem; {@code errors}
 * lists the fields at fault for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:pairaidance:problem:";

    /** One field at fault: its JSON path, query parameter or header name, and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
