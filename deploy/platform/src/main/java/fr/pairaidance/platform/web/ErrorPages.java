package fr.pairaidance.platform.web;

import fr.pairaidance.platform.problem.Problem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A person's browser gets errors as a page in their language, with the correlation id to quote to
 * support; an API client keeps RFC 9457 problem+json. A page that needs a signed-in person sends the
 * anonymous visitor to sign in, and back.
 */
public class ErrorPages {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final Pages pages;
    private final Template error;

    ErrorPages(Pages pages, @Location("error.html") Template error) {
        this.pages = pages;
        this.error = error;
    }

    @ServerResponseFilter
    public void toPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !wantsPage(request)) {
            return;
        }
        if (problem.status() == 401) {
            String back = request.getUriInfo().getRequestUri().getRawPath()
                    + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                            : "?" + request.getUriInfo().getRequestUri().getRawQuery());
            response.setStatus(Response.Status.SEE_OTHER.getStatusCode());
            response.getHeaders().remove("WWW-Authenticate");
            response.getHeaders().putSingle("Location",
                    WebPaths.SIGN_IN + "?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            response.setEntity(null);
            return;
        }
        String html = pages.page(error).data("status", problem.status()).data("problem", problem).render();
        response.setEntity(html, null, HTML);
    }

    /** A request for a person's page: not the API, and a browser that accepts HTML. */
    static boolean wantsPage(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (WebPaths.isMachinePath(path)) {
            return false;
        }
        String accept = request.getHeaderString("Accept");
        return accept != null && accept.contains("text/html");
    }
}
