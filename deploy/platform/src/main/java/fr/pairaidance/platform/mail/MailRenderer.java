package fr.pairaidance.platform.mail;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Renders a mail's plain text and its simple accessible HTML from the shared mail templates. */
@ApplicationScoped
public class MailRenderer {

    /** A rendered mail: subject, plain text and HTML. */
    public record Rendered(String subject, String text, String html) {
    }

    private final Template html;
    private final Template text;

    MailRenderer(@Location("mail/layout.html") Template html, @Location("mail/layout.txt") Template text) {
        this.html = html;
        this.text = text;
    }

    public Rendered render(Locale locale, MailContent content) {
        return new Rendered(content.subject(),
                text.data("mail", content).data("lang", locale.getLanguage()).setLocale(locale).render(),
                html.data("mail", content).data("lang", locale.getLanguage()).setLocale(locale).render());
    }
}
