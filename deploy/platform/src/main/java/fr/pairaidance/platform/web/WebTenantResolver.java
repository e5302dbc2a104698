package fr.pairaidance.platform.web;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pages for people sign in with the authorization code flow (tenant {@value #TENANT}, a session cookie
 * per service); the API, health and metrics keep bearer tokens (the default tenant), as does any request
 * that brings an {@code Authorization} header.
 */
@ApplicationScoped
public class WebTenantResolver implements TenantResolver {

    public static final String TENANT = "web";

    @Override
    public String resolve(RoutingContext context) {
        return isPage(context.normalizedPath(), context.request().getHeader("Authorization") != null) ? TENANT : null;
    }

    /** Whether a request is one of a person's pages, signed in with a session cookie. */
    public static boolean isPage(String path, boolean hasAuthorization) {
        return !hasAuthorization && !WebPaths.isMachinePath(path) && !path.startsWith(WebPaths.STATIC);
    }
}
