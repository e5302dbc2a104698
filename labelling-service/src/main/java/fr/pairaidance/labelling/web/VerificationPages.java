package fr.pairaidance.labelling.web;

import fr.pairaidance.labelling.rest.VerificationRateLimit;
import fr.pairaidance.labelling.rest.VerificationResource;
import fr.pairaidance.labelling.service.CredentialCheck;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Public verification of a label for anyone, without signing in: a box for the number, then the label's
 * state in words, its dates, scope and holder's public name, today or as of a past day; and the check of
 * a presented digital credential. Rate-limited as the API.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class VerificationPages {

    /** A credential is a few kilobytes; a larger file is not one. */
    private static final long MAX_CREDENTIAL_BYTES = 64 * 1024;

    private final Pages pages;
    private final VerificationService verification;
    private final VerificationRateLimit rateLimit;
    private final ReceiptSigner signer;
    private final Template home;
    private final Template result;
    private final Template credentialResult;
    private final CredentialCheck check;

    VerificationPages(Pages pages, VerificationService verification, VerificationRateLimit rateLimit,
            ReceiptSigner signer, @Location("home.html") Template home, @Location("verification.html") Template result,
            @Location("credential-check.html") Template credentialResult, CredentialCheck check) {
        this.credentialResult = credentialResult;
        this.check = check;
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

    /**
     * The check of a presented credential, pasted or as a file (the file wins when both are given). The
     * text typed is kept when something is missing.
     */
    @POST
    @Path("verify/credential")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response checkCredential(@RestForm String credential, @RestForm("file") FileUpload file,
            HttpServerRequest request) {
        rateLimit.check(VerificationResource.client(request));
        LabellingMessages msg = pages.messages(LabellingMessages.class);
        FormErrors errors = FormErrors.none();
        String presented = credential == null ? "" : credential.strip();
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_CREDENTIAL_BYTES) {
                errors.add("credential", msg.credentialTooLarge());
            } else {
                try {
                    presented = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    presented = "";
                }
            }
        }
        if (!errors.any() && presented.isEmpty()) {
            errors.add("credential", msg.credentialMissing());
        }
        if (errors.any()) {
            return Response.status(400).entity(pages.page(home).data("number", "").data("credential", credential)
                    .data("errors", errors)).build();
        }
        return Response.ok(pages.page(credentialResult).data("outcome", check.check(presented))).build();
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
