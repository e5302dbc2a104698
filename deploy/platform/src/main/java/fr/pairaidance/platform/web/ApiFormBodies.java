package fr.pairaidance.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The API takes no form bodies. A form content type on an API request (what HTTP client libraries send
 * with an empty POST) is dropped before routing, so that the CSRF check, which guards the pages' forms,
 * leaves bearer-token API calls alone: cookies never authenticate the API, so it has nothing to forge.
 */
public class ApiFormBodies {

    @ServerRequestFilter(preMatching = true)
    public void dropFormContentTypeOnApi(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        MediaType type = request.getMediaType();
        if (type != null && WebPaths.isMachinePath(path)
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
