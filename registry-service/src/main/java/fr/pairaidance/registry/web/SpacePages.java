package fr.pairaidance.registry.web;

import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.service.ConsentInput;
import fr.pairaidance.registry.service.ConsentService;
import fr.pairaidance.registry.service.PractitionerService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The practitioner's space at the register: their record at a glance, their consents to publication
 * (plain words per field, easy-to-read summary, history, revoking as easy as giving) and their withdrawal
 * (what is erased and what is kept, then a confirmation).
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PRACTITIONER)
public class SpacePages {

    private final Pages pages;
    private final PractitionerService practitioners;
    private final ConsentService consents;
    private final CurrentCaller caller;
    private final Geography geography;
    private final Template overview;
    private final Template consentPage;
    private final Template withdrawal;
    private final RecordForms records;
    private final fr.pairaidance.registry.service.TrainingCatalogue catalogue;
    private final Template training;

    SpacePages(Pages pages, PractitionerService practitioners, ConsentService consents, CurrentCaller caller,
            Geography geography, RecordForms records, fr.pairaidance.registry.service.TrainingCatalogue catalogue,
            @Location("my-training.html") Template training, @Location("me.html") Template overview, @Location("consents.html") Template consentPage,
            @Location("withdraw.html") Template withdrawal) {
        this.pages = pages;
        this.practitioners = practitioners;
        this.consents = consents;
        this.caller = caller;
        this.geography = geography;
        this.overview = overview;
        this.consentPage = consentPage;
        this.withdrawal = withdrawal;
        this.records = records;
        this.catalogue = catalogue;
        this.training = training;
    }

    @GET
    @Path("training")
    public TemplateInstance training() {
        Practitioner p = required();
        return pages.page(training).data("training", TrainingTable.of(catalogue,
                fr.pairaidance.registry.persistence.TrainingRecord.ofPractitioner(p.id), pages.locale()));
    }

    @GET
    @Path("register")
    public TemplateInstance selfRegistration() {
        return records.page("/me/register", RecordForm.empty(caller.get().email()), FormErrors.none(), null, true);
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> fields) {
        return records.save("/me/register", RecordForm.of(fields), true,
                input -> practitioners.register(input, null, caller.get()).practitioner(), p -> "/me?registered=1");
    }

    @GET
    @Path("record")
    public TemplateInstance myRecord() {
        return records.page("/me/record", records.shown(practitioners.me(caller.get())), FormErrors.none(), null, true);
    }

    @POST
    @Path("record")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correctMine(MultivaluedMap<String, String> fields) {
        Practitioner me = practitioners.me(caller.get());
        RecordForm typed = RecordForm.of(fields);
        return records.save("/me/record", typed, true,
                input -> practitioners.update(me.id, input, "\"" + typed.version() + "\"", caller.get()),
                p -> "/me?saved=1");
    }

    @GET
    public TemplateInstance overview(@QueryParam("withdrawn") String withdrawn,
            @QueryParam("registered") String registered, @QueryParam("saved") String saved) {
        Optional<Practitioner> me = mine();
        return pages.page(overview).data("p", me.orElse(null)).data("withdrawn", withdrawn != null)
                .data("registered", registered != null).data("saved", saved != null)
                .data("zone", me.flatMap(p -> p.zoneCode == null ? Optional.empty() : geography.zone(p.zoneCode))
                        .map(Geography.Zone::name).orElse(null));
    }

    @GET
    @Path("consents")
    public TemplateInstance consents(@QueryParam("saved") String saved) {
        Practitioner p = required();
        Caller me = caller.get();
        return pages.page(consentPage).data("p", p).data("current", consents.current(p.id, me))
                .data("history", consents.history(p.id, me)).data("saved", saved != null);
    }

    /** A new version of the consent: each box ticked is a field published; nothing ticked publishes nothing. */
    @POST
    @Path("consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response giveConsents(@RestForm String listed, @RestForm String domains, @RestForm String appellations,
            @RestForm String formats, @RestForm String languages, @RestForm String commune, @RestForm String contact,
            @RestForm String organisation) {
        Practitioner p = required();
        consents.give(p.id, new ConsentInput(on(listed), on(domains), on(appellations), on(formats), on(languages),
                on(commune), on(contact), on(organisation)), caller.get());
        return Response.seeOther(URI.create("/me/consents?saved=1")).build();
    }

    /** Withdrawing every consent at once: the same as unticking every box. */
    @POST
    @Path("consents/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeAll() {
        Practitioner p = required();
        consents.give(p.id, new ConsentInput(false, false, false, false, false, false, false, false),
                caller.get());
        return Response.seeOther(URI.create("/me/consents?saved=1")).build();
    }

    @GET
    @Path("withdrawal")
    public TemplateInstance withdrawal() {
        return pages.page(withdrawal).data("p", required()).data("missingConfirmation", false);
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@RestForm String confirm) {
        Practitioner p = required();
        if (!"yes".equals(confirm)) {
            return Response.status(400).entity(pages.page(withdrawal).data("p", p).data("missingConfirmation", true))
                    .build();
        }
        practitioners.withdraw(p.id, caller.get());
        return Response.seeOther(URI.create("/me?withdrawn=1")).build();
    }

    /** The signed-in practitioner's record, linked on first sign-in when an agency registered them. */
    private Optional<Practitioner> mine() {
        try {
            return Optional.of(practitioners.me(caller.get()));
        } catch (ProblemException notRegistered) {
            if (notRegistered.status() == 404) {
                return Optional.empty();
            }
            throw notRegistered;
        }
    }

    private Practitioner required() {
        Practitioner p = mine().orElseThrow(() -> ProblemException.notFound("Practitioner record", "of this account"));
        if (!p.isActive()) {
            throw ProblemException.notFound("Practitioner record", "of this account");
        }
        return p;
    }

    private static boolean on(String checkbox) {
        return "on".equals(checkbox) || "true".equals(checkbox) || "yes".equals(checkbox);
    }
}
