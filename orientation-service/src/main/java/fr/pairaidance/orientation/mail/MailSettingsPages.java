package fr.pairaidance.orientation.mail;

import fr.pairaidance.orientation.web.OrientationMessages;
import fr.pairaidance.platform.mail.MailSettingsPage;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The employer's mail settings: the language of their mails and the kinds they turned off. */
@Path("/requests/mails")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EMPLOYER)
public class MailSettingsPages {

    private static final String PATH = "/requests/mails";
    private static final List<EmployerMailKind> KINDS = List.of(EmployerMailKind.values());

    private final MailSettingsPage page;
    private final CurrentCaller caller;

    MailSettingsPages(MailSettingsPage page, CurrentCaller caller) {
        this.page = page;
        this.caller = caller;
    }

    @GET
    public TemplateInstance show(@QueryParam("saved") String saved) {
        return page.show(caller.get().subject(), PATH, KINDS, (kind, locale) -> MessageBundles
                .get(OrientationMessages.class, Localized.Literal.of(locale.toLanguageTag())).mailKind(kind.name()),
                saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String language, @RestForm("kind") List<String> kinds) {
        return page.save(caller.get().subject(), PATH, language, kinds, KINDS);
    }
}
