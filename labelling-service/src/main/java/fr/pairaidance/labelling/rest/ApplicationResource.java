package fr.pairaidance.labelling.rest;

import fr.pairaidance.labelling.persistence.ApplicationState;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.labelling.service.AppealDecisionInput;
import fr.pairaidance.labelling.service.ApplicationInput;
import fr.pairaidance.labelling.service.ApplicationService;
import fr.pairaidance.labelling.service.GrantInput;
import fr.pairaidance.labelling.service.LabelQueries;
import fr.pairaidance.labelling.service.Page;
import fr.pairaidance.labelling.service.ReasonInput;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.rest.Etags;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {

    private static final String IF_MATCH_NOTE = " Send If-Match with the ETag you read (412 when it changed meanwhile).";

    private final ApplicationService service;
    private final LabelQueries queries;
    private final LabellingConfig config;
    private final CurrentCaller caller;

    ApplicationResource(ApplicationService service, LabelQueries queries, LabellingConfig config, CurrentCaller caller) {
        this.service = service;
        this.queries = queries;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.REGISTRY_AGENT})
    @Operation(summary = "Apply for a label",
            description = "By the practitioner for themselves, or by an agent naming the practitioner. 422 names what "
                    + "makes the practitioner ineligible (unknown, not ACTIVE, common core not complete); 409 when an "
                    + "application is already open. A retry with the same Idempotency-Key returns the first result.")
    public Response submit(@Valid @NotNull ApplicationInput input,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, UriInfo uri) {
        IdempotentResult<LabelApplication> result = service.submit(input, idempotencyKey, caller.get());
        LabelApplication a = result.value();
        return IdempotencyKeys.markReplayed(Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build())
                .tag(Etags.of(a.version)).entity(ApplicationView.of(a)), result.replayed()).build();
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.REGISTRY_AGENT})
    @Operation(summary = "List applications, newest first")
    public PageView<ApplicationView> list(
            @QueryParam("state") @Parameter(description = "SUBMITTED, UNDER_REVIEW, GRANTED, REFUSED, APPEALED, "
                    + "APPEAL_DISMISSED or CLOSED") String state,
            @QueryParam("practitionerId") String practitionerId,
            @QueryParam("page") @Parameter(description = "From 0") String page,
            @QueryParam("size") @Parameter(description = "Default 20") String size) {
        Page<LabelApplication> result = queries.applications(
                QueryParams.enumeration("state", state, ApplicationState.class), Ids.uuid("practitionerId", practitionerId),
                QueryParams.integer("page", page, 0, 0, 100_000),
                QueryParams.integer("size", size, 20, 1, config.maxPageSize()));
        return new PageView<>(result.items().stream().map(ApplicationView::summary).toList(), result.page(),
                result.size(), result.total());
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "The signed-in practitioner's applications")
    public List<ApplicationView> mine() {
        return queries.myApplications(caller.get()).stream().map(ApplicationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGULATOR, Roles.REGISTRY_AGENT, Roles.PRACTITIONER})
    @Operation(summary = "Read an application and its decisions", description = "A practitioner reads only their own.")
    public Response get(@PathParam("id") UUID id) {
        return view(service.get(id, caller.get()), false);
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Take the application for review (state UNDER_REVIEW)", description = IF_MATCH_NOTE)
    public Response assign(@PathParam("id") UUID id, @HeaderParam(Etags.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return view(service.assign(id, ifMatch, idempotencyKey, caller.get()));
    }

    @POST
    @Path("/{id}/grant")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Grant a label", description = "By the regulator reviewing it, with the scope and a reason."
            + IF_MATCH_NOTE)
    public Response grant(@PathParam("id") UUID id, @Valid @NotNull GrantInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return view(service.grant(id, input, ifMatch, idempotencyKey, caller.get()));
    }

    @POST
    @Path("/{id}/refusal")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Refuse the application", description = "By the regulator reviewing it, with a reason."
            + IF_MATCH_NOTE)
    public Response refuse(@PathParam("id") UUID id, @Valid @NotNull ReasonInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return view(service.refuse(id, input, ifMatch, idempotencyKey, caller.get()));
    }

    @POST
    @Path("/{id}/appeal")
    @RolesAllowed({Roles.PRACTITIONER, Roles.REGISTRY_AGENT})
    @Operation(summary = "Appeal a refusal (once)", description = "By the practitioner or an agent, with the grounds."
            + IF_MATCH_NOTE)
    public Response appeal(@PathParam("id") UUID id, @Valid @NotNull ReasonInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return view(service.appeal(id, input, ifMatch, idempotencyKey, caller.get()));
    }

    @POST
    @Path("/{id}/appeal-decision")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Decide an appeal", description = "By a regulator other than the one who refused (403 "
            + "otherwise). UPHELD grants a label with the scope; DISMISSED is final." + IF_MATCH_NOTE)
    public Response decideAppeal(@PathParam("id") UUID id, @Valid @NotNull AppealDecisionInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return view(service.decideAppeal(id, input, ifMatch, idempotencyKey, caller.get()));
    }

    private static Response view(IdempotentResult<LabelApplication> result) {
        return view(result.value(), result.replayed());
    }

    private static Response view(LabelApplication a, boolean replayed) {
        Response.ResponseBuilder response = Response.ok(ApplicationView.of(a)).tag(Etags.of(a.version));
        return IdempotencyKeys.markReplayed(response, replayed).build();
    }
}
