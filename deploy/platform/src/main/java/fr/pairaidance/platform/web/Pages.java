package fr.pairaidance.platform.web;

import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.rest.CorrelationId;
import fr.pairaidance.platform.security.CurrentCaller;
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

    Pages(CurrentVertxRequest request, CurrentCaller caller, WebConfig config, Vocabularies vocabularies) {
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
        HttpServerRequest http = request.getCurrent().request();
        String query = http.query();
        String path = http.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        return new PageContext(locale(), path, caller.get(), config.site(), config.sites(), CorrelationId.current(),
                vocabularies);
    }

    public Locale locale() {
        return WebLocale.of(request.getCurrent().request());
    }

    /** A message bundle in the person's language, for texts composed in Java (form errors, titles). */
    public <T> T messages(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(locale().toLanguageTag()));
    }
}
