package fr.pairaidance.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The headers that keep every answer safe in a browser: a strict Content-Security-Policy (scripts, styles
 * and images from this service only, no inline script or style, forms posting only here and to the
 * identity provider and sister sites, framed by nobody), no MIME sniffing, no referrer to other sites.
 * A response that sets its own policy (the embeddable widget, framed by its portal's origins) keeps it.
 * Swagger UI ({@code /q/}) keeps Quarkus's own headers: it runs inline scripts.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";

    private final String policy;

    SecurityHeaders(WebConfig config) {
        this.policy = policy(config, "'none'");
    }

    /** The policy of every page, framed by the given ancestors ({@code 'none'} for all but the widget). */
    public static String policy(WebConfig config, String frameAncestors) {
        Set<String> formActions = new LinkedHashSet<>();
        formActions.add("'self'");
        formActions.add(origin(config.identityProviderUrl()));
        config.sites().values().forEach(site -> formActions.add(origin(site)));
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; frame-src 'self'; form-action " + String.join(" ", formActions)
                + "; base-uri 'none'; frame-ancestors " + frameAncestors;
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, 1000);
    }

    private void addHeaders(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith(WebPaths.QUARKUS)) {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                if (!headers.contains(CSP)) {
                    headers.set(CSP, policy);
                    headers.set("X-Frame-Options", "DENY");
                }
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "same-origin");
            });
        }
        context.next();
    }
}
