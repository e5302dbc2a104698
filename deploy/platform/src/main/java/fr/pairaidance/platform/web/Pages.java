package fr.pairaidance.platform.web;

import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.rest.CorrelationId;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Renders a page: the template with the {@link PageContext} of the request ({@code page} in every
 * template), in the person's language.
 */
@ApplicationScoped
public class Pages {

    private final CurrentVertxRequest request;
    private final CurrentCaller caller;
    private final WebConfig config;
    private final Vocabularies vocabularies;
    private final String csrfField;

    /** Where quarkus-rest-csrf keeps the request's token (the value of every form's hidden field). */
    private static final String CSRF_TOKEN = "csrf_token";

    Pages(CurrentVertxRequest request, CurrentCaller caller, WebConfig config, Vocabularies vocabularies,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String csrfField) {
        this.csrfField = csrfField;
        this.request = request;
        this.caller = caller;
        this.config = config;
        this.vocabularies = vocabularies;
    }

    /** The template, ready to be returned by a resource method or given more data. */
    public TemplateInstance page(Template template) {
        PageContext context = context();
        return template.data("page", context).setLocale(context.locale());
    }

    public PageContext context() {
        RoutingContext routing = request.getCurrent();
        HttpServerRequest http = routing.request();
        String query = http.query();
        String path = http.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        Object token = routing.get(CSRF_TOKEN);
        return new PageContext(locale(), path, caller(routing), config.site(), config.sites(), CorrelationId.current(),
                csrfField, token == null ? null : token.toString(), vocabularies);
    }

    /**
     * The person signed in. On an event-loop thread (an error answered before any resource ran) only an
     * identity already established is used: resolving one there could block.
     */
    private Caller caller(RoutingContext routing) {
        if (!Context.isOnEventLoopThread()) {
            return caller.get();
        }
        return routing.user() instanceof QuarkusHttpUser user ? Caller.of(user.getSecurityIdentity())
                : Caller.of(null);
    }

    public Locale locale() {
        return WebLocale.of(request.getCurrent().request());
    }

    /** A message bundle in the person's language, for texts composed in Java (form errors, titles). */
    public <T> T messages(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(locale().toLanguageTag()));
    }
}
