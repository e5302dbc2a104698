package fr.pairaidance.labelling.web;

import fr.pairaidance.labelling.rest.VerificationRateLimit;
import fr.pairaidance.labelling.rest.VerificationResource;
import fr.pairaidance.labelling.service.ReceiptSigner;
import fr.pairaidance.labelling.service.Verification;
import fr.pairaidance.labelling.service.VerificationService;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Public verification of a label for anyone, without signing in: a box for the number, then the label's
 * state in words, its dates, scope and holder's public name, today or as of a past day. Rate-limited as
 * the API.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class VerificationPages {

    private final Pages pages;
    private final VerificationService verification;
    private final VerificationRateLimit rateLimit;
    private final ReceiptSigner signer;
    private final Template home;
    private final Template result;

    VerificationPages(Pages pages, VerificationService verification, VerificationRateLimit rateLimit,
            ReceiptSigner signer, @Location("home.html") Template home, @Location("verification.html") Template result) {
        this.pages = pages;
        this.verification = verification;
        this.rateLimit = rateLimit;
        this.signer = signer;
        this.home = home;
        this.result = result;
    }

    @GET
    public TemplateInstance home() {
        return pages.page(home).data("number", "").data("errors", FormErrors.none());
    }

    /** The verification form; with a number, the page of that number (its own, shareable address). */
    @GET
    @Path("verify")
    public Response form(@QueryParam("number") String number, @QueryParam("asOf") String asOf) {
        if (number != null && !number.isBlank()) {
            String target = "/verify/" + URLEncoder.encode(number.strip().toUpperCase(java.util.Locale.ROOT),
                    StandardCharsets.UTF_8) + (asOf == null || asOf.isBlank() ? ""
                            : "?asOf=" + URLEncoder.encode(asOf.strip(), StandardCharsets.UTF_8));
            return Response.seeOther(URI.create(target)).build();
        }
        return Response.ok(pages.page(home).data("number", "").data("errors", FormErrors.none())).build();
    }

    /** The signed receipt of a verification (compact JWS), to keep or to check offline with the published key. */
    @GET
    @Path("verify/{number}/receipt")
    @Produces(ReceiptSigner.MEDIA_TYPE)
    public Response receipt(@PathParam("number") String number, @QueryParam("asOf") String asOf,
            HttpServerRequest request) {
        rateLimit.check(VerificationResource.client(request));
        return Response.ok(signer.sign(verification.verify(number, asOf)), ReceiptSigner.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + number.replaceAll("[^A-Za-z0-9-]", "")
                        + "-receipt.jws\"").build();
    }

    @GET
    @Path("verify/{number}")
    public Response verify(@PathParam("number") String number, @QueryParam("asOf") String asOf,
            HttpServerRequest request) {
        rateLimit.check(VerificationResource.client(request));
        LabellingMessages msg = pages.messages(LabellingMessages.class);
        FormErrors errors = FormErrors.none();
        try {
            Verification v = verification.verify(number, asOf);
            return Response.ok(pages.page(result).data("v", v).data("number", number).data("asOf", asOf)
                    .data("errors", errors)).build();
        } catch (ProblemException e) {
            int status = e.status();
            if (status == 404) {
                errors.add("number", msg.numberUnknown(number));
            } else if (status == 400) {
                boolean dayAtFault = e.toProblem(null, null).errors().stream().anyMatch(f -> f.field().equals("asOf"));
                errors.add(dayAtFault ? "asOf" : "number", dayAtFault ? msg.asOfInvalid() : msg.numberMalformed());
            } else {
                throw e;
            }
            return Response.status(status).entity(pages.page(home).data("number", number).data("asOf", asOf)
                    .data("errors", errors)).build();
        }
    }
}
