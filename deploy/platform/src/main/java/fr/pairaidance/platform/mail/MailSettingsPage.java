package fr.pairaidance.platform.mail;

import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The page where a person chooses the language of their mails and turns off the kinds they may turn
 * off; each service serves it at its own address for its own people and kinds.
 */
@ApplicationScoped
public class MailSettingsPage {

    /** One kind of mail on the page: its code, its name in the person's language, whether it is on. */
    public record Choice(String code, String label, boolean on) {
    }

    /** What the page shows. */
    public record Form(String action, String language, List<Choice> optional, List<Choice> always, boolean saved) {
    }

    private final Pages pages;
    private final Mails mails;
    private final Template template;

    MailSettingsPage(Pages pages, Mails mails, @Location("mail-settings.html") Template template) {
        this.pages = pages;
        this.mails = mails;
        this.template = template;
    }

    /**
     * @param owner  whose settings
     * @param action the page's own address (the form posts there)
     * @param label  the name of a kind in a language
     */
    public TemplateInstance show(String owner, String action, List<? extends MailKind> kinds,
            BiFunction<MailKind, Locale, String> label, boolean saved) {
        MailSettings settings = mails.settings(owner);
        Locale locale = pages.locale();
        List<Choice> optional = kinds.stream().filter(MailKind::optional)
                .map(kind -> new Choice(kind.name(), label.apply(kind, locale), settings.receives(kind))).toList();
        List<Choice> always = kinds.stream().filter(kind -> !kind.optional())
                .map(kind -> new Choice(kind.name(), label.apply(kind, locale), true)).toList();
        return pages.page(template).data("form", new Form(action, settings.language(), optional, always, saved));
    }

    /** Saves the form: the kinds not ticked are turned off; then back to the page, which says it is saved. */
    public Response save(String owner, String action, String language, List<String> ticked,
            List<? extends MailKind> kinds) {
        Set<String> muted = new HashSet<>();
        Set<String> on = ticked == null ? Set.of() : Set.copyOf(ticked);
        for (MailKind kind : kinds) {
            if (kind.optional() && !on.contains(kind.name())) {
                muted.add(kind.name());
            }
        }
        mails.save(owner, language, muted, kinds);
        return Response.seeOther(URI.create(action + "?saved=1")).build();
    }
}
