package fr.pairaidance.labelling.rest;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelState;
import fr.pairaidance.labelling.persistence.LabelCredential;
import fr.pairaidance.labelling.service.CredentialKeys;
import fr.pairaidance.labelling.service.LabelCredentials;
import fr.pairaidance.labelling.service.VcJwt;
import fr.pairaidance.labelling.service.LabelService;
import fr.pairaidance.labelling.service.LabelQueries;
import fr.pairaidance.labelling.service.Page;
import fr.pairaidance.labelling.service.ReasonInput;
import fr.pairaidance.labelling.service.ReceiptSigner;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.labelling.service.SuspensionInput;
import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.rest.Etags;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/labels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Labels")
public class LabelResource {

    private static final String IF_MATCH_NOTE = " Send If-Match with the ETag you read (412 when it changed meanwhile).";

    private final LabelService service;
    private final LabelQueries queries;
    private final ReceiptSigner signer;
    private final LabellingConfig config;
    private final CurrentCaller caller;
    private final CredentialKeys credentialKeys;
    private final LabelCredentials credentials;

    LabelResource(LabelService service, LabelQueries queries, ReceiptSigner signer, LabellingConfig config,
            CurrentCaller caller, CredentialKeys credentialKeys, LabelCredentials credentials) {
        this.credentialKeys = credentialKeys;
        this.credentials = credentials;
        this.service = service;
        this.queries = queries;
        this.signer = signer;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.REGISTRY_AGENT})
    @Operation(summary = "List labels by number")
    public PageView<LabelView> list(@QueryParam("practitionerId") String practitionerId,
            @QueryParam("state") @Parameter(description = "ACTIVE, RENEWAL_DUE, SUSPENDED, REVOKED, EXPIRED or "
                    + "WITHDRAWN") String state,
            @QueryParam("page") @Parameter(description = "From 0") String page,
            @QueryParam("size") @Parameter(description = "Default 20") String size) {
        Page<Label> result = queries.labels(QueryParams.enumeration("state", state, LabelState.class), Ids.uuid("practitionerId", practitionerId),
                QueryParams.integer("page", page, 0, 0, 100_000),
                QueryParams.integer("size", size, 20, 1, config.maxPageSize()));
        return new PageView<>(result.items().stream().map(LabelView::of).toList(), result.page(), result.size(),
                result.total());
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "The signed-in practitioner's labels")
    public List<LabelView> mine() {
        return queries.myLabels(caller.get()).stream().map(LabelView::of).toList();
    }

    @GET
    @Path("/jwks.json")
    @PermitAll
    @Operation(summary = "Public keys of the signed verification receipts and of the credentials (JWKS)",
            description = "The receipts' key, and every key that signed credentials and status lists (RS256): a "
                    + "replaced key stays here so that what it signed still verifies. A JWT names its key (kid).")
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(signer.publicKey());
        keys.addAll(CredentialResource.keys(credentialKeys.publicKeysJson()));
        return Map.of("keys", keys);
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({Roles.REGULATOR, Roles.REGISTRY_AGENT, Roles.PRACTITIONER})
    @Operation(summary = "Read a label", description = "A practitioner reads only their own.")
    public Response get(@PathParam("number") String number) {
        return view(service.get(number, caller.get()), false);
    }

    @GET
    @Path("/{number}/credential")
    @RolesAllowed({Roles.REGULATOR, Roles.REGISTRY_AGENT, Roles.PRACTITIONER})
    @Produces({VcJwt.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The label's Open Badges 3.0 credential",
            description = "The newest credential issued for the label (at grant or renewal): the VC-JWT with Accept: "
                    + "application/vc+jwt, the credential's JSON with Accept: application/json. A practitioner reads "
                    + "only their own; 404 once the holder has left the register.")
    public Response credential(@PathParam("number") String number, @Context Request request) {
        LabelCredential credential = credentials.of(service.get(number, caller.get()));
        Variant chosen = request.selectVariant(Variant.mediaTypes(CredentialResource.VC_JWT, MediaType.APPLICATION_JSON_TYPE).build());
        if (chosen == null) {
            return Response.notAcceptable(Variant.mediaTypes(CredentialResource.VC_JWT, MediaType.APPLICATION_JSON_TYPE).build()).build();
        }
        Object body = chosen.getMediaType().equals(CredentialResource.VC_JWT) ? credential.jwt : credentials.json(credential);
        return Response.ok(body, chosen.getMediaType()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{number}/history")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "The label's decisions in order (audit trail)")
    public List<LabelDecisionView> history(@PathParam("number") String number) {
        return service.history(number).stream().map(LabelDecisionView::of).toList();
    }

    @POST
    @Path("/{number}/suspension")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Suspend an ACTIVE or RENEWAL_DUE label", description = "With a reason and an optional end "
            + "day, when the label comes back by itself." + IF_MATCH_NOTE)
    public Response suspend(@PathParam("number") String number, @Valid @NotNull SuspensionInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return view(service.suspend(number, input, ifMatch, key, caller.get()));
    }

    @POST
    @Path("/{number}/reinstatement")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Lift a suspension", description = "Back to ACTIVE or RENEWAL_DUE as the dates say."
            + IF_MATCH_NOTE)
    public Response reinstate(@PathParam("number") String number, @Valid @NotNull ReasonInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return view(service.reinstate(number, input, ifMatch, key, caller.get()));
    }

    @POST
    @Path("/{number}/revocation")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Revoke the label (final)", description = IF_MATCH_NOTE)
    public Response revoke(@PathParam("number") String number, @Valid @NotNull ReasonInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return view(service.revoke(number, input, ifMatch, key, caller.get()));
    }

    @POST
    @Path("/{number}/renewal")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Renew an ACTIVE or RENEWAL_DUE label", description = "The expiry moves by the validity "
            + "from the current expiry; an expired label needs a new application." + IF_MATCH_NOTE)
    public Response renew(@PathParam("number") String number, @Valid @NotNull ReasonInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return view(service.renew(number, input, ifMatch, key, caller.get()));
    }

    private static Response view(IdempotentResult<Label> result) {
        return view(result.value(), result.replayed());
    }

    private static Response view(Label label, boolean replayed) {
        Response.ResponseBuilder response = Response.ok(LabelView.of(label)).tag(Etags.of(label.version));
        return IdempotencyKeys.markReplayed(response, replayed).build();
    }
}
