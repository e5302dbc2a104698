package fr.pairaidance.registry.rest;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.rest.Etags;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.config.RegistryConfig;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.service.PractitionerInput;
import fr.pairaidance.registry.service.RegisterSearch;
import fr.pairaidance.registry.service.PractitionerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practitioners")
public class PractitionerResource {

    private final PractitionerService service;
    private final Geography geography;
    private final CurrentCaller caller;
    private final RegistryConfig config;

    PractitionerResource(PractitionerService service, Geography geography, CurrentCaller caller,
            RegistryConfig config) {
        this.service = service;
        this.geography = geography;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.PRACTITIONER})
    @Operation(summary = "Register a practitioner",
            description = "By an agent, or by a practitioner for themselves (their account is then linked). "
                    + "A retry with the same Idempotency-Key returns the record the first request created.")
    public Response register(@NotNull PractitionerInput input,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, UriInfo uri) {
        PractitionerService.Registration registration = service.register(input, idempotencyKey, caller.get());
        Practitioner p = registration.practitioner();
        return IdempotencyKeys.markReplayed(Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                .tag(Etags.of(p.version)).entity(PractitionerView.of(p, geography)), registration.replayed()).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "The signed-in practitioner's own record")
    public Response me() {
        Practitioner p = service.me(caller.get());
        return Response.ok(PractitionerView.of(p, geography)).tag(Etags.of(p.version)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.REGULATOR, Roles.PRACTITIONER})
    @Operation(summary = "Read a practitioner's record", description = "A practitioner may read only their own.")
    public Response get(@PathParam("id") UUID id) {
        Practitioner p = service.get(id, caller.get());
        return Response.ok(PractitionerView.of(p, geography)).tag(Etags.of(p.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.PRACTITIONER})
    @Operation(summary = "Correct a practitioner's record",
            description = "Send If-Match with the ETag you read: a record changed meanwhile answers 412.")
    public Response update(@PathParam("id") UUID id, @NotNull PractitionerInput input,
            @HeaderParam(Etags.IF_MATCH) String ifMatch) {
        Practitioner p = service.update(id, input, ifMatch, caller.get());
        return Response.ok(PractitionerView.of(p, geography)).tag(Etags.of(p.version)).build();
    }

    @GET
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.REGULATOR})
    @Operation(summary = "Search the register")
    public PageView search(
            @QueryParam("name") @Parameter(description = "Start of the given or family name, or a registry number") String name,
            @QueryParam("zone") @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit employment zone code") String zone,
            @QueryParam("department") @Pattern(regexp = "[0-9]{2,3}|2[AB]", message = "must be a department code") String department,
            @QueryParam("region") @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit region code") String region,
            @QueryParam("domain") @Pattern(regexp = "[A-Z_]{2,40}", message = "must be a domain code") String domain,
            @QueryParam("status") @Parameter(description = "ACTIVE or WITHDRAWN") String status,
            @QueryParam("coreComplete") @Parameter(description = "true or false") String coreComplete,
            @QueryParam("page") @Parameter(description = "From 0") String page,
            @QueryParam("size") @Parameter(description = "1 to registry.max-page-size (100), default 20") String size) {
        int maxSize = config.maxPageSize();
        RegisterSearch.Page result = service.search(new RegisterSearch.Criteria(name, zone, department, region,
                domain, QueryParams.enumeration("status", status, Practitioner.Status.class),
                QueryParams.bool("coreComplete", coreComplete), QueryParams.integer("page", page, 0, 0, 100_000),
                QueryParams.integer("size", size, Math.min(20, maxSize), 1, maxSize)));
        return new PageView(result.items().stream().map(p -> PractitionerView.of(p, geography)).toList(),
                result.page(), result.size(), result.total());
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.PRACTITIONER})
    @Operation(summary = "Withdraw from the register and erase personal data",
            description = "Keeps only the registry number and dates; every other service erases its copy.")
    public PractitionerView withdraw(@PathParam("id") UUID id) {
        return PractitionerView.of(service.withdraw(id, caller.get()), geography);
    }

    /** One page of search results. */
    public record PageView(List<PractitionerView> items, int page, int size, long total) {
    }
}
