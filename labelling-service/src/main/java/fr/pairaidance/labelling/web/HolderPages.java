package fr.pairaidance.labelling.web;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.labelling.service.Access;
import fr.pairaidance.labelling.service.LabelLifecycle;
import fr.pairaidance.labelling.service.LabelService;
import fr.pairaidance.labelling.service.Listings;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
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

/** The holder's labels: state, expiry and renewal window, and each label's printable certificate. */
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

    HolderPages(Pages pages, Listings listings, CurrentCaller caller, LabelLifecycle lifecycle, LabellingConfig config,
            WebConfig web, @Location("my-labels.html") Template mine) {
        this.pages = pages;
        this.listings = listings;
        this.caller = caller;
        this.lifecycle = lifecycle;
        this.config = config;
        this.web = web;
        this.mine = mine;
    }

    /** A label of the holder and the day its renewal window opens. */
    @TemplateData
    public record HeldLabel(Label label, LocalDate renewalFrom) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance mine() {
        List<HeldLabel> held = listings.myLabels(caller.get()).stream()
                .map(l -> new HeldLabel(l, l.expiresOn.minus(config.renewalWindow()))).toList();
        return pages.page(mine).data("labels", held).data("today", lifecycle.today());
    }

    @GET
    @Path("{number}/certificate.pdf")
    @Produces("application/pdf")
    public Response certificate(@PathParam("number") String number) {
        Caller me = caller.get();
        Label label = LabelService.load(number);
        if (!Access.isOwner(label.practitionerId, me)) {
            throw ProblemException.notFound("Label", number);
        }
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
