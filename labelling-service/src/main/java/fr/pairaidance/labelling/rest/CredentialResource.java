package fr.pairaidance.labelling.rest;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.service.CredentialCheck;
import fr.pairaidance.labelling.service.LabelCredentials;
import fr.pairaidance.labelling.service.StatusLists;
import fr.pairaidance.labelling.service.VcJwt;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.rest.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open Badges 3.0 credentials of labels (the holder downloads theirs from the label): the issuer's
 * profile and achievement, the status lists a verifier downloads whole, and a check of a presented credential.
 */
@Path("/api/v1")
@Tag(name = "Credentials")
public class CredentialResource {

    static final MediaType VC_JWT = MediaType.valueOf(VcJwt.MEDIA_TYPE);

    private final LabelCredentials credentials;
    private final CredentialCheck check;
    private final VerificationRateLimit rateLimit;
    private final LabellingConfig config;

    CredentialResource(LabelCredentials credentials, CredentialCheck check, VerificationRateLimit rateLimit,
            LabellingConfig config) {
        this.credentials = credentials;
        this.check = check;
        this.rateLimit = rateLimit;
        this.config = config;
    }

    @GET
    @Path("/status-lists/{list}/{purpose}")
    @PermitAll
    @Produces(VcJwt.MEDIA_TYPE)
    @Operation(summary = "A status list (W3C Bitstring Status List, VC-JWT)",
            description = "131,072 entries, GZIP then base64url with the multibase prefix u; purpose revocation or "
                    + "suspension. A verifier downloads the whole list and reads the bit at the credential's index, "
                    + "so we never learn which credential it checks. Cacheable for a few minutes.")
    public Response statusList(@PathParam("list") String list, @PathParam("purpose") String purpose) {
        StatusLists.Purpose p = StatusLists.Purpose.of(purpose);
        if (p == null) {
            throw ProblemException.notFound("Status list", list + "/" + purpose);
        }
        int number = QueryParams.integer("list", list, 0, 1, Integer.MAX_VALUE);
        return Response.ok(credentials.statusList(number, p), VC_JWT)
                .header("Cache-Control", "public, max-age=" + config.credentials().statusListMaxAge().toSeconds())
                .build();
    }

    @GET
    @Path("/issuer")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The issuer of the credentials (Open Badges Profile)")
    public Map<String, Object> issuer() {
        return credentials.issuer();
    }

    @GET
    @Path("/issuer/achievements/peer-helper-label")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The label as an Open Badges Achievement")
    public Map<String, Object> achievement() {
        return credentials.achievement();
    }

    @POST
    @Path("/credentials/verification")
    @PermitAll
    @Consumes({VcJwt.MEDIA_TYPE, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a presented credential",
            description = "The body is the VC-JWT, or the JSON envelope holding it (EnvelopedVerifiableCredential). "
                    + "The answer says whether it is authentic, current, revoked or suspended, with every reason it "
                    + "does not hold. A verifier may also check offline with the JWKS and the status lists. "
                    + "Rate-limited per client as the label verification.")
    public CredentialCheck.Outcome verify(String input, @Context HttpServerRequest request) {
        rateLimit.check(VerificationResource.client(request));
        if (input == null || input.isBlank()) {
            throw ProblemException.badRequest("body", "must hold the credential (its VC-JWT)");
        }
        return check.check(input);
    }

    static List<Map<String, Object>> keys(Map<String, Object> jwks) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        return keys;
    }
}
