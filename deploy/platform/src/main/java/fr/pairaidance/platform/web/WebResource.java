package fr.pairaidance.platform.web;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The pages every site has: sign in, sign out (of every site of this browser and of the identity
 * provider), the language switch and the accessibility statement.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WebResource {

    private final Pages pages;
    private final WebConfig config;
    private final SecurityIdentity identity;
    private final Template accessibility;
    private final Template signedOut;

    WebResource(Pages pages, WebConfig config, SecurityIdentity identity,
            @Location("accessibility.html") Template accessibility, @Location("signed-out.html") Template signedOut) {
        this.pages = pages;
        this.config = config;
        this.identity = identity;
        this.accessibility = accessibility;
        this.signedOut = signedOut;
    }

    /** Signing in happens before this runs (the path requires an authenticated person): back to the page. */
    @GET
    @Path("sign-in")
    @Authenticated
    public Response signIn(@QueryParam("return") String back) {
        return Response.seeOther(URI.create(WebPaths.localOrHome(back))).build();
    }

    /**
     * Ends this site's session, then the identity provider's, which sends the browser through every
     * sister site's {@code /signed-out} to end theirs, and back to this site.
     */
    @POST
    @Path("sign-out")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(HttpServerRequest request, HttpServerResponse response) {
        IdTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(IdTokenCredential.class);
        String hint = token == null ? null : token.getToken();
        endLocalSession(request, response);
        List<String> chain = new ArrayList<>(new TreeMap<>(config.sites()).keySet());
        String first = chain.isEmpty() ? config.site() : chain.get(0);
        URI afterwards = UriBuilder.fromUri(siteUrl(first) + WebPaths.SIGNED_OUT).queryParam("end", config.site())
                .build();
        UriBuilder logout = UriBuilder.fromUri(stripSlash(config.identityProviderUrl())
                + "/protocol/openid-connect/logout")
                .queryParam("client_id", config.clientId())
                .queryParam("post_logout_redirect_uri", afterwards.toString());
        if (hint != null) {
            logout.queryParam("id_token_hint", hint);
        }
        return Response.seeOther(logout.build()).build();
    }

    /** One step of signing out everywhere: ends this site's session and passes on to the next site. */
    @GET
    @Path("signed-out")
    @PermitAll
    public Response signedOutStep(@QueryParam("end") String end, HttpServerRequest request,
            HttpServerResponse response) {
        endLocalSession(request, response);
        List<String> chain = new ArrayList<>(new TreeMap<>(config.sites()).keySet());
        int here = chain.indexOf(config.site());
        String endSite = config.sites().containsKey(end) ? end : config.site();
        if (here >= 0 && here + 1 < chain.size()) {
            return Response.seeOther(UriBuilder.fromUri(siteUrl(chain.get(here + 1)) + WebPaths.SIGNED_OUT)
                    .queryParam("end", endSite).build()).build();
        }
        return Response.seeOther(URI.create(siteUrl(endSite) + WebPaths.SIGNED_OUT + "/done")).build();
    }

    @GET
    @Path("signed-out/done")
    @PermitAll
    public TemplateInstance signedOut() {
        return pages.page(signedOut);
    }

    /** Sets the language of every page of this browser, then goes back to the page it was asked from. */
    @GET
    @Path("language")
    @PermitAll
    public Response language(@QueryParam("to") String to, @QueryParam("return") String back,
            HttpServerRequest request, HttpServerResponse response) {
        Locale chosen = WebLocale.supported(to);
        if (chosen != null) {
            response.addCookie(Cookie.cookie(WebLocale.COOKIE, chosen.getLanguage()).setPath("/")
                    .setMaxAge(365L * 24 * 3600).setHttpOnly(true).setSecure(request.isSSL())
                    .setSameSite(CookieSameSite.LAX));
        }
        return Response.seeOther(URI.create(WebPaths.localOrHome(back))).build();
    }

    @GET
    @Path("accessibility")
    @PermitAll
    public TemplateInstance accessibility() {
        return pages.page(accessibility).data("contactEmail", config.contactEmail());
    }

    /**
     * Expires this site's session cookies: Quarkus names them {@code q_session_<tenant>_<site>}, split into
     * {@code _chunk_<n>} parts when large.
     */
    private void endLocalSession(HttpServerRequest request, HttpServerResponse response) {
        String site = "_" + config.site();
        for (Cookie cookie : request.cookies()) {
            String name = cookie.getName();
            if (name.startsWith("q_session") && (name.endsWith(site) || name.contains(site + "_chunk_"))) {
                response.addCookie(Cookie.cookie(cookie.getName(), "").setPath("/").setMaxAge(0));
            }
        }
    }

    private String siteUrl(String site) {
        return stripSlash(config.sites().getOrDefault(site, ""));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
