package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which browser origins and how many requests per minute each caller gets: a registered job-portal
 * client (by OIDC client id) its own origins and limit; anyone else the default origins and limit.
 */
@ApplicationScoped
public class PortalPolicy {

    /** Who is calling, for CORS and rate limiting: a client id, a user subject, or an IP address. */
    public record Client(String key, List<String> origins, int requestsPerMinute) {
    }

    private final OrientationConfig.Portal config;
    private final Set<String> anyOrigin;

    PortalPolicy(OrientationConfig config) {
        this.config = config.portal();
        Set<String> all = new HashSet<>(this.config.defaultOrigins());
        this.config.clients().values().forEach(c -> all.addAll(c.origins()));
        this.anyOrigin = Set.copyOf(all);
    }

    /** Preflight requests carry no credentials: an origin is acceptable if any client may use it. */
    public boolean knownOrigin(String origin) {
        return anyOrigin.contains(origin);
    }

    public Client clientOf(SecurityIdentity identity, String remoteAddress) {
        if (identity == null || identity.isAnonymous()) {
            return new Client("ip:" + remoteAddress, config.defaultOrigins(), config.defaultRequestsPerMinute());
        }
        String clientId = clientId(identity);
        OrientationConfig.Portal.Client registered = identity.hasRole(Roles.JOB_PORTAL) ? config.clients().get(clientId) : null;
        if (registered != null) {
            return new Client("client:" + clientId, registered.origins(),
                    registered.requestsPerMinute().orElse(config.defaultRequestsPerMinute()));
        }
        return new Client("user:" + identity.getPrincipal().getName(), config.defaultOrigins(),
                config.defaultRequestsPerMinute());
    }

    /** The OIDC client of a client-credentials token ({@code azp}, else {@code client_id}, else the subject). */
    private static String clientId(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : List.of("azp", "client_id")) {
                Object value = jwt.getClaim(claim);
                if (value != null) {
                    return value.toString().replace("\"", "");
                }
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        return identity.getPrincipal().getName();
    }
}
