package fr.pairaidance.labelling.rest;

import fr.pairaidance.labelling.service.ReceiptSigner;
import fr.pairaidance.labelling.service.Verification;
import fr.pairaidance.labelling.service.VerificationService;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public verification of a label number, without sign-in: JSON, or with {@code Accept:
 * application/jose} a signed receipt (compact JWS) checkable with the published JWKS.
 */
@Path("/api/v1/labels/{number}/verification")
@Tag(name = "Public verification")
public class VerificationResource {

    private static final MediaType JOSE = MediaType.valueOf(ReceiptSigner.MEDIA_TYPE);

    private final VerificationService service;
    private final ReceiptSigner signer;
    private final VerificationRateLimit rateLimit;

    VerificationResource(VerificationService service, ReceiptSigner signer, VerificationRateLimit rateLimit) {
        this.service = service;
        this.signer = signer;
        this.rateLimit = rateLimit;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, ReceiptSigner.MEDIA_TYPE})
    @Operation(summary = "Verify a label",
            description = "State, validity dates, scope and public name of the holder, today or as of a past day. "
                    + "With Accept: application/jose, the same answer plus issuedAt as a compact JWS (ES256) signed "
                    + "with the key published at /api/v1/labels/jwks.json. Rate-limited per client (429 with "
                    + "Retry-After).")
    @APIResponse(responseCode = "200", description = "The answer, or the signed receipt", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)),
            @Content(mediaType = ReceiptSigner.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, example = "eyJhbGciOiJFUzI1NiIs..."))})
    public Response verify(@PathParam("number") @Parameter(example = "LBL-2026-000731") String number,
            @QueryParam("asOf") @Parameter(description = "A past day YYYY-MM-DD; today when absent") String asOf,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        rateLimit.check(client(request));
        Verification answer = service.verify(number, asOf);
        if (wantsReceipt(headers)) {
            return Response.ok(signer.sign(answer), JOSE).build();
        }
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Only an Accept header naming application/jose asks for the receipt; a wildcard gets JSON. */
    private static boolean wantsReceipt(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> "application".equals(m.getType()) && "jose".equals(m.getSubtype()));
    }

    /**
     * The client the rate limit counts. Behind a trusted proxy (Quarkus then reads X-Forwarded-For, whose first
     * entry the client itself may have written) it is the last entry: the address the proxy appended. Otherwise
     * it is the peer.
     */
    public static String client(HttpServerRequest request) {
        SocketAddress seen = request.remoteAddress();
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && seen != null && peer != null && !seen.hostAddress().equals(peer.hostAddress())) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return seen == null ? "unknown" : seen.hostAddress();
    }
}
