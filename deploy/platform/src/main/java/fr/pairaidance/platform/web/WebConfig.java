package fr.pairaidance.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Settings of the pages a service serves to people. */
@ConfigMapping(prefix = "pairaidance.web")
public interface WebConfig {

    /** This service's site among {@link #sites()}: registry, labelling or orientation. */
    String site();

    /**
     * Base URL of each service's pages by site name, as a browser reaches them: the header links to
     * them, and signing out passes through each of them to end its session too.
     */
    Map<String, String> sites();

    /** Keycloak's address as a browser reaches it (forms may post there: sign-in, sign-out). */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String identityProviderUrl();

    /** The OIDC client of the pages (public, authorization code flow with PKCE). */
    @WithDefault("${quarkus.oidc.web.client-id}")
    String clientId();

    /** Public contact address shown in the footer and on the accessibility statement. */
    @WithDefault("accessibilite@pairaidance.test")
    String contactEmail();
}
