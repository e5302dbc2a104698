package fr.pairaidance.platform.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /ping}: the cheapest answer a service gives, a static 200 from the HTTP layer with no check,
 * no database and no JAX-RS: what a load balancer or a load generator's ceiling measures.
 */
@ApplicationScoped
public class Ping {

    public static final String PATH = "/ping";

    void register(@Observes Router router) {
        router.get(PATH).handler(context -> context.response().putHeader("Content-Type", "text/plain")
                .putHeader("Cache-Control", "no-store").end("ok"));
    }
}
