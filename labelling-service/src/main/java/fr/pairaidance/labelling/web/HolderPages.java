package fr.pairaidance.labelling.web;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelCredential;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.labelling.service.Access;
import fr.pairaidance.labelling.service.LabelCredentials;
import fr.pairaidance.labelling.service.LabelLifecycle;
import fr.pairaidance.labelling.service.LabelService;
import fr.pairaidance.labelling.service.Listings;
import fr.pairaidance.labelling.service.VcJwt;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.web.Formats;
import fr.pairaidance.platform.web.Pages;
import fr.pairaidance.platform.web.WebConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The holder's labels: state, expiry and renewal window, each label's printable certificate and its
 * Open Badges credential (the signed JWT and its readable JSON).
 */
@Path("/my/labels")
@RolesAllowed(Roles.PRACTITIONER)
public class HolderPages {

    private final Pages pages;
    private final Listings listings;
    private final CurrentCaller caller;
    private final LabelLifecycle lifecycle;
    private final LabellingConfig config;
    private final WebConfig web;
    private final Template mine;
    private final LabelCredentials credentials;

    HolderPages(Pages pages, Listings listings, CurrentCaller caller, LabelLifecycle lifecycle, LabellingConfig config,
            WebConfig web, @Location("my-labels.html") Template mine, LabelCredentials credentials) {
        this.credentials = credentials;
        this.pages = pages;
        this.listings = listings;
        this.caller = caller;
        this.lifecycle = lifecycle;
        this.config = config;
        this.web = web;
        this.mine = mine;
    }

    /** A label of the holder, the day its renewal window opens, and whether its credential may be downloaded. */
    @TemplateData
    public record HeldLabel(Label label, LocalDate renewalFrom, boolean credential) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance mine() {
        List<HeldLabel> held = listings.myLabels(caller.get()).stream()
                .map(l -> new HeldLabel(l, l.expiresOn.minus(config.renewalWindow()),
                        l.state.isValid() || LabelCredential.latest(l.id).isPresent())).toList();
        return pages.page(mine).data("labels", held).data("today", lifecycle.today());
    }

    /** The label's Open Badges credential as issued (VC-JWT), to keep or to give to a wallet or an employer. */
    @GET
    @Path("{number}/credential.jwt")
    @Produces(VcJwt.MEDIA_TYPE)
    public Response credentialJwt(@PathParam("number") String number) {
        LabelCredential credential = credentials.of(owned(number));
        return download(credential.jwt, VcJwt.MEDIA_TYPE, number + ".jwt");
    }

    /** The same credential's readable content (JSON). */
    @GET
    @Path("{number}/credential.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response credentialJson(@PathParam("number") String number) {
        LabelCredential credential = credentials.of(owned(number));
        return download(credentials.json(credential), MediaType.APPLICATION_JSON, number + ".json");
    }

    private Label owned(String number) {
        Label label = LabelService.load(number);
        if (!Access.isOwner(label.practitionerId, caller.get())) {
            throw ProblemException.notFound("Label", number);
        }
        return label;
    }

    private static Response download(Object body, String mediaType, String fileName) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{number}/certificate.pdf")
    @Produces("application/pdf")
    public Response certificate(@PathParam("number") String number) {
        Label label = owned(number);
        if (!label.state.isValid()) {
            throw ProblemException.conflict("label-not-valid", "Label not valid",
                    "a certificate is printed only for a valid label");
        }
        PractitionerEligibility holder = PractitionerEligibility.findById(label.practitionerId);
        LabellingMessages msg = pages.messages(LabellingMessages.class);
        Locale locale = pages.locale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        PageTerms terms = new PageTerms(pages);
        List<Certificate.Line> lines = new ArrayList<>();
        lines.add(new Certificate.Line(msg.colNumber(), label.number));
        lines.add(new Certificate.Line(msg.holder(), holder == null || holder.publicName == null ? "" : holder.publicName));
        lines.add(new Certificate.Line(msg.scopeAppellations(), terms.join("appellations", label.appellations)));
        if (holder != null && holder.domainsPublished) {
            lines.add(new Certificate.Line(msg.scopeDomains(), terms.join("domains", label.domains)));
        }
        lines.add(new Certificate.Line(msg.grantedOn(), dates.format(label.grantedAt.atZone(Formats.ZONE).toLocalDate())));
        lines.add(new Certificate.Line(msg.expiresOn(), dates.format(label.expiresOn)));
        String verifyUrl = web.sites().get(web.site()) + "/verify/" + label.number;
        byte[] pdf = Certificate.pdf(msg.certificateTitle(), msg.certificateIntro(), lines, msg.certificateVerify(),
                verifyUrl);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + label.number + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    /** Vocabulary labels in the holder's language, joined for a line of the certificate. */
    private record PageTerms(Pages pages) {
        String join(String vocabulary, List<String> codes) {
            var context = pages.context();
            return String.join(", ", codes.stream().map(c -> context.term(vocabulary, c)).toList());
        }
    }
}
