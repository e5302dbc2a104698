package fr.pairaidance.orientation.rest;

import fr.pairaidance.platform.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS limited to each caller's origins, and per-caller rate limits (429 with Retry-After), on every
 * API path. Preflights are answered before routing; actual requests are checked once the caller is
 * known (a bad token is a 401 here too).
 */
public class PortalFilters {

    private static final String ORIGIN = "Origin";
    private static final String ALLOWED_ORIGIN = PortalFilters.class.getName() + ".origin";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Accept, If-None-Match, If-Match, "
            + "Idempotency-Key, X-Correlation-Id";
    static final String EXPOSE_HEADERS = "ETag, Location, Retry-After, X-Correlation-Id";

    private final PortalPolicy policy;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identity;

    PortalFilters(PortalPolicy policy, RateLimiter limiter, CurrentIdentityAssociation identity) {
        this.policy = policy;
        this.limiter = limiter;
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> preflight(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (!"OPTIONS".equals(request.getMethod()) || origin == null
                || request.getHeaderString("Access-Control-Request-Method") == null || !isApi(request)) {
            return Optional.empty();
        }
        if (!policy.knownOrigin(origin)) {
            throw ProblemException.forbidden("origin " + origin + " is not registered for this API");
        }
        return Optional.of(Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
                .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build());
    }

    @ServerRequestFilter
    public Uni<Void> admit(ContainerRequestContext request, HttpServerRequest http) {
        if (!isApi(request)) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().map(caller -> {
            PortalPolicy.Client client = policy.clientOf(caller, http.remoteAddress() == null ? "unknown"
                    : http.remoteAddress().host());
            String origin = request.getHeaderString(ORIGIN);
            if (origin != null) {
                if (!client.origins().contains(origin)) {
                    throw ProblemException.forbidden("origin " + origin + " is not allowed for this client");
                }
                request.setProperty(ALLOWED_ORIGIN, origin);
            }
            long retryAfter = limiter.tryAcquire(client.key(), client.requestsPerMinute());
            if (retryAfter > 0) {
                throw new WebApplicationException(Response.status(429).header("Retry-After", retryAfter).build());
            }
            return null;
        });
    }

    @ServerResponseFilter
    public void corsHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        Object origin = request.getProperty(ALLOWED_ORIGIN);
        if (origin != null) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
            List<Object> vary = response.getHeaders().get("Vary");
            if (vary == null || vary.stream().noneMatch(v -> String.valueOf(v).contains(ORIGIN))) {
                response.getHeaders().add("Vary", ORIGIN);
            }
        }
    }

    private static boolean isApi(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith("/api/");
    }
}
