package fr.pairaidance.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.pairaidance.platform.failure.IsTransientFailure;
import fr.pairaidance.platform.rest.CorrelationId;
import fr.pairaidance.platform.rest.StrictJson;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer. No stack trace,
 * SQL or exception message of a library ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri), CorrelationId.current()));
    }

    @ServerExceptionMapper
    public Response streamedBodyTooLarge(StreamedBodyLimit.TooLarge e, UriInfo uri) {
        return problem(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem(path(uri), CorrelationId.current()));
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "validation-failed", "Invalid request", 400,
                "the request could not be validated", path(uri), CorrelationId.current(), null));
    }

    /** Wrong types, unknown fields (quarkus-rest-jackson has its own mapper for this exact type). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : e instanceof StrictJson.ControlCharacters ? "must not contain control characters"
                    : "has a wrong type or format";
            return respond(ProblemException.badRequest(field, message).toProblem(path(uri), CorrelationId.current()));
        }
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-body", "Malformed request body", 400,
                "the body is not valid JSON", path(uri), CorrelationId.current(), null));
    }

    /** A body in a charset the service cannot read. */
    @ServerExceptionMapper({java.nio.charset.UnsupportedCharsetException.class,
            java.nio.charset.IllegalCharsetNameException.class})
    public Response unsupportedCharset(IllegalArgumentException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "unsupported-media-type", "Unsupported Media Type", 415,
                "send JSON in UTF-8", path(uri), CorrelationId.current(), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "your role does not allow this operation", path(uri), CorrelationId.current(), null));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "concurrent-update", "Concurrent update", 409,
                "the resource was changed by someone else meanwhile; read it again and retry",
                path(uri), CorrelationId.current(), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request refused" : type.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + slug, title, status, detailOf(status), path(uri),
                        CorrelationId.current(), null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.ALLOW) || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpServerResponse response) {
        if (e instanceof IOException && (response.closed() || hasCause(e, ClosedChannelException.class)
                || hasCause(e, HttpClosedException.class))) {
            // The client went away while its request body was read (a closed tab, an aborted upload, a
            // load generator's end): nobody will read an answer, and it is not a fault of the service.
            LOG.debugf("Client gone while its request to %s was read [%s]", path(uri), classChain(e));
            return respond(new Problem(Problem.TYPE_PREFIX + "client-closed-request", "Client closed request", 400,
                    "the connection was closed before the request was read", path(uri), CorrelationId.current(),
                    null));
        }
        return unexpected(e, uri);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        if (e.getCause() instanceof java.nio.charset.CharacterCodingException
                || e instanceof java.nio.charset.UnsupportedCharsetException) {
            return unsupportedCharset(new IllegalArgumentException(e), uri);
        }
        if (IsTransientFailure.isUnavailable(e)) {
            LOG.warnf("Dependency unavailable on %s [%s]", path(uri), classChain(e));
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(new Problem(Problem.TYPE_PREFIX + "service-unavailable", "Service unavailable", 503,
                            "a dependency of the service is unavailable; retry later", path(uri),
                            CorrelationId.current(), null))
                    .build();
        }
        // Only exception class names are logged: messages of SQL and JSON errors can carry personal data.
        LOG.errorf("Unexpected failure on %s [%s]", path(uri), classChain(e));
        return respond(new Problem(Problem.TYPE_PREFIX + "internal-error", "Internal error", 500,
                "an unexpected error occurred; quote the correlation id to the support team",
                path(uri), CorrelationId.current(), null));
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problem.TYPE_PREFIX + "unauthenticated", "Unauthenticated", 401,
                        "a valid bearer token is required", path(uri), CorrelationId.current(), null))
                .build();
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 404 -> "no resource at this address";
            case 405 -> "this method is not allowed here";
            case 406 -> "no representation matches the Accept header";
            case 413 -> "the request body is too large";
            case 415 -> "this media type is not supported here";
            default -> "the request was refused";
        };
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * The field of a violation as the client knows it: a body field's JSON path (method and body
     * parameter nodes dropped), or the name of a query, path or header parameter.
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    parameter = node.getName();
                    continue;
                }
                default -> {
                }
            }
            // An element of a list or map: its index or key belongs to the container before it.
            if (node.isInIterable() && !names.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
                }
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            // Every resource names its JSON body parameter "input": the client knows it as the body.
            return parameter == null ? "request" : parameter.equals("input") ? "body" : parameter;
        }
        return String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String classChain(Throwable e) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 6; t = t.getCause()) {
            StackTraceElement[] trace = t.getStackTrace();
            chain.add(t.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : ""));
        }
        return chain.stream().collect(Collectors.joining(" <- "));
    }
}
