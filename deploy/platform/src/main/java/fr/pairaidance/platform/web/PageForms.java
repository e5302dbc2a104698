package fr.pairaidance.platform.web;

import fr.pairaidance.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pages take forms only: a change sent to a page path (POST, PUT, PATCH, DELETE) with another body type is
 * refused, so that the CSRF check, which verifies forms, covers every change a page makes.
 * The API takes no form bodies. A form content type on an API request (what HTTP client libraries send
 * with an empty POST) is dropped before routing, so that the CSRF check, which guards the pages' forms,
 * leaves bearer-token API calls alone: cookies never authenticate the API, so it has nothing to forge.
 */
public class PageForms {

    @ServerRequestFilter(preMatching = true)
    public void formsOnPagesOnly(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        if (WebPaths.isMachinePath(path)) {
            if (form) {
                request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            }
        } else if (!form && !SAFE.contains(request.getMethod())) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "pages take forms (application/x-www-form-urlencoded or multipart/form-data)", null);
        }
    }

    private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS");
}
