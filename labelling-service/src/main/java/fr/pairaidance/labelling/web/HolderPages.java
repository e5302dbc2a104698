package fr.pairaidance.labelling.web;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.ApplicationDecision;
import fr.pairaidance.labelling.persistence.ApplicationState;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.labelling.service.ApplicationInput;
import fr.pairaidance.labelling.service.ApplicationService;
import fr.pairaidance.labelling.service.Eligibility;
import fr.pairaidance.labelling.service.ReasonInput;
import fr.pairaidance.labelling.service.ScopeInput;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.validation.Text;
import fr.pairaidance.platform.web.FormErrors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelCredential;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.labelling.service.Access;
import fr.pairaidance.labelling.service.LabelCredentials;
import fr.pairaidance.labelling.service.LabelLifecycle;
import fr.pairaidance.labelling.service.LabelService;
import fr.pairaidance.labelling.service.LabelQueries;
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
    private final LabelQueries queries;
    private final CurrentCaller caller;
    private final LabelLifecycle lifecycle;
    private final LabellingConfig config;
    private final WebConfig web;
    private final Template mine;
    private final LabelCredentials credentials;
    private final ApplicationService applications;
    private final Eligibility eligibility;

    HolderPages(Pages pages, LabelQueries queries, CurrentCaller caller, LabelLifecycle lifecycle, LabellingConfig config,
            WebConfig web, @Location("my-labels.html") Template mine, LabelCredentials credentials,
            ApplicationService applications, Eligibility eligibility) {
        this.credentials = credentials;
        this.applications = applications;
        this.eligibility = eligibility;
        this.pages = pages;
        this.queries = queries;
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

    /**
     * An application of the holder, its decisions, whether the holder may appeal it now, the field of its
     * appeal form and what was typed there.
     */
    @TemplateData
    public record HeldApplication(LabelApplication application, List<ApplicationDecision> trail, boolean appealable,
            String appealField, String appealTyped) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance mine(@QueryParam("applied") String applied, @QueryParam("appealed") String appealed) {
        return page(FormErrors.none(), Map.of(), applied != null ? "applied" : appealed != null ? "appealed" : null);
    }

    /** Applies for the label with the scope chosen on the page. */
    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response apply(@RestForm("domain") List<String> domains, @RestForm("appellation") List<String> appellations) {
        Map<String, Object> typed = Map.of("domains", domains == null ? List.of() : domains,
                "appellations", appellations == null ? List.of() : appellations);
        FormErrors errors = FormErrors.none();
        LabellingMessages msg = pages.messages(LabellingMessages.class);
        if (domains == null || domains.isEmpty()) {
            errors.add("apply-domains", msg.domainsRequired());
        }
        if (appellations == null || appellations.isEmpty()) {
            errors.add("apply-appellations", msg.appellationsRequired());
        }
        if (!errors.any()) {
            try {
                applications.submit(new ApplicationInput(null, new ScopeInput(domains, appellations)), null,
                        caller.get());
                return Response.seeOther(URI.create("/my/labels?applied=1")).build();
            } catch (ProblemException e) {
                if (e.status() >= 500) {
                    throw e;
                }
                for (var field : e.toProblem(null, null).errors()) {
                    errors.add(field.field().startsWith("scope.appellations") ? "apply-appellations" : "apply-domains",
                            msg.domainsRequired());
                }
                if (!errors.any()) {
                    errors.add("apply-domains", msg.applicationRefused());
                }
                return Response.status(e.status()).entity(page(errors, typed, null)).build();
            }
        }
        return Response.status(400).entity(page(errors, typed, null)).build();
    }

    /** Appeals a refusal, once, with the holder's reason. */
    @POST
    @Path("applications/{id}/appeal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response appeal(@PathParam("id") String id, @RestForm String version, @RestForm String reason) {
        LabellingMessages msg = pages.messages(LabellingMessages.class);
        Map<String, Object> typed = Map.of("appealReason", reason == null ? "" : reason, "appealOf", id);
        FormErrors errors = FormErrors.none();
        String field = "appeal-reason-" + id;
        if (reason == null || reason.isBlank()) {
            errors.add(field, msg.reasonRequired());
        } else if (reason.strip().length() > 2000 || Text.hasControlCharacters(reason)) {
            errors.add(field, msg.reasonInvalid());
        }
        if (!errors.any()) {
            try {
                applications.appeal(UUID.fromString(id), new ReasonInput(reason.strip()), "\"" + version + "\"",
                        null, caller.get());
                return Response.seeOther(URI.create("/my/labels?appealed=1")).build();
            } catch (IllegalArgumentException e) {
                throw ProblemException.notFound("Application", id);
            } catch (ProblemException e) {
                if (e.status() >= 500 || e.status() == 404) {
                    throw e;
                }
                errors.add(field, e.status() == 412 || e.status() == 428 ? msg.changedMeanwhile()
                        : msg.applicationRefused());
                return Response.status(e.status()).entity(page(errors, typed, null)).build();
            }
        }
        return Response.status(400).entity(page(errors, typed, null)).build();
    }

    /**
     * The holder's page: the labels, the applications with their decisions (and an appeal form after a
     * refusal), and either the application form or, in plain words, what is missing to apply.
     */
    private TemplateInstance page(FormErrors errors, Map<String, Object> typed, String notice) {
        Caller me = caller.get();
        List<HeldLabel> held = queries.myLabels(me).stream()
                .map(l -> new HeldLabel(l, l.expiresOn.minus(config.renewalWindow()),
                        l.state.isValid() || LabelCredential.latest(l.id).isPresent())).toList();
        List<LabelApplication> mineApplications = queries.myApplications(me);
        boolean open = mineApplications.stream().anyMatch(a -> a.state.isOpen());
        boolean live = held.stream().anyMatch(h -> h.label().state.isLive());
        List<HeldApplication> shown = mineApplications.stream().map(a -> new HeldApplication(a,
                ApplicationDecision.of(a.id), a.state == ApplicationState.REFUSED && !open && !live,
                "appeal-reason-" + a.id, a.id.toString().equals(typed.get("appealOf"))
                        ? (String) typed.get("appealReason") : "")).toList();
        List<String> missing = open || live ? List.of() : eligibility.missing(me);
        Map<String, Object> all = new java.util.HashMap<>(Map.of("domains", List.of(), "appellations", List.of()));
        all.putAll(typed);
        return pages.page(mine).data("labels", held).data("today", lifecycle.today()).data("applications", shown)
                .data("missing", missing).data("canApply", !open && !live && missing.isEmpty())
                .data("open", open).data("errors", errors).data("typed", all).data("notice", notice);
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
