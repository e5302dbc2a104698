package fr.pairaidance.platform.problem;

import java.util.List;

/** Thrown by services to answer with an RFC 9457 problem. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation-failed", "Invalid request",
                field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation-failed", "Invalid request",
                errors.size() + " field(s) at fault", errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail, null);
    }

    public static ProblemException unprocessable(String slug, String title, String field, String message) {
        return new ProblemException(422, slug, title, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A body over the size a service accepts (the HTTP layer answers the same type for announced sizes). */
    public static ProblemException payloadTooLarge(String field, long maxBytes, String advice) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                field + " is larger than " + maxBytes + " bytes: " + advice,
                List.of(new Problem.FieldError(field, "is larger than " + maxBytes + " bytes")));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, null);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required", "Precondition required",
                "send If-Match with the ETag of the version you read", List.of(new Problem.FieldError("If-Match", "is required")));
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance, String correlationId) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), instance, correlationId, errors);
    }
}
