package fr.pairaidance.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import fr.pairaidance.platform.PlatformConfig;

/**
 * Problems raised below JAX-RS, by the HTTP layer itself (a body over the size limit, a request
 * line it cannot read), answered as RFC 9457 problems like every other error.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final ObjectMapper mapper;
    private final PlatformConfig config;

    HttpLayerProblems(ObjectMapper mapper, PlatformConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    /**
     * A body announced (Content-Length) over the limit is refused before it is read. Quarkus's own
     * limit ({@code quarkus.http.limits.max-body-size}) is set higher and only stops chunked bodies.
     */
    private void refuseOversizedBody(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.maxBodySizeOf(context.normalizedPath())) {
                    context.response().putHeader("Connection", "close");
                    context.fail(413);
                    return;
                }
            } catch (NumberFormatException e) {
                context.fail(400);
                return;
            }
        }
        context.next();
    }

    private void handle(RoutingContext context) {
        int status = context.statusCode();
        if (context.response().headWritten() || status < 400 || status >= 500) {
            context.next();
            return;
        }
        String title = switch (status) {
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 431 -> "Request header fields too large";
            default -> "Bad request";
        };
        Problem problem = new Problem(Problem.TYPE_PREFIX + title.toLowerCase().replace(' ', '-'), title, status,
                "the request was refused by the HTTP layer", context.normalizedPath(), null, null);
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
