package fr.pairaidance.registry.rest;

import fr.pairaidance.platform.mail.MailSettings;
import fr.pairaidance.platform.mail.Mails;
import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.service.ConsentService;
import fr.pairaidance.registry.service.TrainingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything the register holds about the signed-in practitioner (GDPR rights of access and
 * portability): the record, every version of the consent, the training history. The page "my data"
 * gathers it with the labelling and orientation services' parts into one file.
 */
@Path("/api/v1/my-data")
@Tag(name = "My data")
public class MyDataResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyData(PractitionerView record, List<ConsentResource.ConsentView> consents,
            TrainingResource.HistoryView training, MailSettings mailSettings) {
    }

    private final ConsentService consents;
    private final TrainingService training;
    private final Geography geography;
    private final CurrentCaller caller;
    private final Mails mails;

    MyDataResource(ConsentService consents, TrainingService training, Geography geography, CurrentCaller caller,
            Mails mails) {
        this.mails = mails;
        this.consents = consents;
        this.training = training;
        this.geography = geography;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.PRACTITIONER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything the register holds about me",
            description = "The record, every version of the consent (oldest first), the training history and the "
                    + "mail settings; "
                    + "an empty answer when the account has no record.")
    public MyData mine() {
        Caller me = caller.get();
        Practitioner p = Practitioner.findBySubject(me.subject()).orElse(null);
        if (p == null) {
            return new MyData(null, null, null, null);
        }
        return new MyData(PractitionerView.of(p, geography),
                consents.history(p.id, me).stream().map(ConsentResource.ConsentView::of).toList(),
                TrainingResource.HistoryView.of(training.history(p.id, me)), mails.settings(p.id.toString()));
    }
}
