package fr.pairaidance.platform.rest;

import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.validation.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every request a correlation id (the caller's {@code X-Correlation-Id} or a new one) and returns it. */
public class CorrelationIdFilter {

    private static final String PROPERTY = CorrelationIdFilter.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        request.setProperty(PROPERTY, CorrelationId.begin(request.getHeaderString(CorrelationId.HEADER)));
        // Control characters in the path or a query parameter are never valid input (PostgreSQL refuses NUL).
        if (Text.hasLineBreaksOrControlCharacters(request.getUriInfo().getPath())) {
            throw ProblemException.badRequest("path", "must not contain control characters");
        }
        request.getUriInfo().getQueryParameters().forEach((name, values) -> values.forEach(value -> {
            if (Text.hasLineBreaksOrControlCharacters(value)) {
                throw ProblemException.badRequest(name, "must not contain control characters");
            }
        }));
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, id);
        }
    }
}
