package fr.pairaidance.registry.mail;

import fr.pairaidance.platform.mail.MailSettingsPage;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.service.PractitionerService;
import fr.pairaidance.registry.web.RegistryMessages;
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

/** The practitioner's mail settings: the language of their mails and the kinds they turned off. */
@Path("/me/mails")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PRACTITIONER)
public class MailSettingsPages {

    private static final String PATH = "/me/mails";
    private static final List<PractitionerMailKind> KINDS = List.of(PractitionerMailKind.values());

    private final MailSettingsPage page;
    private final PractitionerService practitioners;
    private final CurrentCaller caller;

    MailSettingsPages(MailSettingsPage page, PractitionerService practitioners, CurrentCaller caller) {
        this.page = page;
        this.practitioners = practitioners;
        this.caller = caller;
    }

    @GET
    public TemplateInstance show(@QueryParam("saved") String saved) {
        return page.show(owner(), PATH, KINDS, (kind, locale) -> MessageBundles
                .get(RegistryMessages.class, Localized.Literal.of(locale.toLanguageTag())).mailKind(kind.name()),
                saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String language, @RestForm("kind") List<String> kinds) {
        return page.save(owner(), PATH, language, kinds, KINDS);
    }

    /** The practitioner's id: their settings are kept under it, and erased with their record. */
    private String owner() {
        Practitioner p = practitioners.me(caller.get());
        if (!p.isActive()) {
            throw ProblemException.notFound("Practitioner record", "of this account");
        }
        return p.id.toString();
    }
}
