package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.persistence.OrientationRequest;
import fr.pairaidance.orientation.service.RequestDetails;
import fr.pairaidance.orientation.service.RequestInput;
import fr.pairaidance.orientation.service.RequestService;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.validation.Text;
import fr.pairaidance.platform.web.PlaceFinder;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A signed-in employer's requests: send one (to a practitioner, or to the best matches of an area), follow
 * them, and read a practitioner's contact once they accepted.
 */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EMPLOYER)
public class RequestPages {

    private final Pages pages;
    private final RequestService requests;
    private final CurrentCaller caller;
    private final PlaceFinder places;
    private final Geography geography;
    private final Vocabularies vocabularies;
    private final Template form;
    private final Template list;
    private final Template detail;

    RequestPages(Pages pages, RequestService requests, CurrentCaller caller, PlaceFinder places, Geography geography,
            Vocabularies vocabularies, @Location("request-form.html") Template form,
            @Location("requests.html") Template list, @Location("request.html") Template detail) {
        this.pages = pages;
        this.requests = requests;
        this.caller = caller;
        this.places = places;
        this.geography = geography;
        this.vocabularies = vocabularies;
        this.form = form;
        this.list = list;
        this.detail = detail;
    }

    /** What the employer typed in the request form, kept as typed when it has errors. */
    @TemplateData
    public record RequestForm(String to, String q, String area, String areaLabel, List<String> domains,
            String format, String bestMatches, String workforceSize, String message) {

        public RequestForm {
            domains = domains == null ? List.of() : domains;
        }

        public boolean hasDomain(String code) {
            return domains.contains(code);
        }

        public String placeText() {
            return q != null && !q.isBlank() ? q : areaLabel == null ? "" : areaLabel;
        }
    }

    @GET
    @Path("new")
    public TemplateInstance newRequest(@QueryParam("to") String to, @QueryParam("area") String area,
            @QueryParam("domain") List<String> domains) {
        String label = null;
        if (area != null && !area.isBlank()) {
            List<PlaceFinder.Place> found = places.find(area);
            label = found.size() == 1 ? found.get(0).label() : null;
        }
        return formPage(new RequestForm(to, null, area, label, domains, null, "3", null, null), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@RestForm String to, @RestForm String q, @RestForm String area,
            @RestForm("domain") List<String> domains, @RestForm String format, @RestForm String bestMatches,
            @RestForm String workforceSize, @RestForm String message) {
        RequestForm typed = new RequestForm(blank(to), q, area, null, domains, blank(format), bestMatches,
                workforceSize, message);
        OrientationMessages msg = pages.messages(OrientationMessages.class);
        FormErrors errors = FormErrors.none();
        String typedArea = places.chosenArea(q, area);
        Listing recipient = null;
        if (typed.to() != null) {
            recipient = Listing.findByRegistryNumber(typed.to()).orElse(null);
            if (recipient == null) {
                errors.add("to", msg.recipientGone());
            } else {
                // The commune when the practitioner publishes it, else their employment zone.
                typedArea = recipient.communeCode != null ? "com:" + recipient.communeCode : "ze:" + recipient.zoneCode;
            }
        } else if (typedArea == null) {
            List<PlaceFinder.Place> found = places.find(q);
            if (found.size() == 1) {
                typedArea = found.get(0).area();
            } else {
                errors.add("q", found.isEmpty() ? (q == null || q.isBlank() ? msg.placeRequired() : msg.placeNotFound(q))
                        : msg.placeAmbiguous());
            }
        }
        Integer best = typed.to() != null ? null : number(bestMatches, 1, 5, "bestMatches", msg.bestMatchesInvalid(), errors);
        Integer workforce = workforceSize == null || workforceSize.isBlank() ? null
                : number(workforceSize, 1, 1_000_000, "workforceSize", msg.workforceInvalid(), errors);
        String text = message == null ? null : message.strip();
        if (text != null && text.length() > 2000) {
            errors.add("message", msg.messageTooLong(text.length()));
        } else if (text != null && Text.hasControlCharacters(text)) {
            errors.add("message", msg.messageInvalid());
        }
        if (typed.format() != null && !vocabularies.contains(Vocabularies.FORMATS, typed.format())) {
            errors.add("format", msg.choiceInvalid());
        }
        if (typed.domains().stream().anyMatch(d -> !vocabularies.contains(Vocabularies.DOMAINS, d))) {
            errors.add("domain", msg.choiceInvalid());
        }
        if (errors.any()) {
            return Response.status(400).entity(formPage(typed, errors)).build();
        }
        try {
            List<OrientationRequest> sent = requests.send(new RequestInput(typed.to(), best, typedArea,
                    typed.domains().isEmpty() ? null : typed.domains(), typed.format(), workforce,
                    text == null || text.isEmpty() ? null : text), caller.get());
            return Response.seeOther(URI.create("/requests?sent=" + sent.size())).build();
        } catch (ProblemException e) {
            if (e.status() == 422) {
                errors.add("q", msg.nobodyMatches());
            } else if (e.status() == 404) {
                errors.add("to", msg.recipientGone());
            } else {
                throw e;
            }
            return Response.status(e.status()).entity(formPage(typed, errors)).build();
        }
    }

    @GET
    public TemplateInstance mine(@QueryParam("sent") String sent) {
        return pages.page(list).data("requests", requests.mine(caller.get())).data("sent", sent);
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Orientation request", id);
        }
        RequestDetails details = requests.get(uuid, caller.get());
        Listing listing = Listing.findByRegistryNumber(details.request().registryNumber).orElse(null);
        return pages.page(detail).data("r", details.request()).data("contact", details.contact())
                .data("card", listing == null ? null : Card.of(listing, geography));
    }

    private TemplateInstance formPage(RequestForm typed, FormErrors errors) {
        Card recipient = typed.to() == null ? null
                : Listing.findByRegistryNumber(typed.to()).map(l -> Card.of(l, geography)).orElse(null);
        SearchForm place = new SearchForm(typed.q(), typed.area(), typed.areaLabel(), List.of(), null, null, null, null,
                1);
        return pages.page(form).data("request", typed).data("form", place).data("recipient", recipient)
                .data("errors", errors);
    }

    private static Integer number(String value, int min, int max, String field, String message, FormErrors errors) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, message);
        return null;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
