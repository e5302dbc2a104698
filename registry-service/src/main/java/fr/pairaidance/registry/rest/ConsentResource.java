package fr.pairaidance.registry.rest;

import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.persistence.Consent;
import fr.pairaidance.registry.service.ConsentInput;
import fr.pairaidance.registry.service.ConsentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/practitioners/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
public class ConsentResource {

    private final ConsentService service;
    private final CurrentCaller caller;

    ConsentResource(ConsentService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** One version of a consent. */
    public record ConsentView(int version, boolean listed, boolean domains, boolean appellations, boolean formats,
            boolean languages, boolean commune, boolean contact, boolean organisation, Instant givenAt) {

        static ConsentView of(Consent c) {
            return new ConsentView(c.key.version(), c.listed, c.domains, c.appellations, c.formats, c.languages,
                    c.commune, c.contact, c.organisation, c.givenAt);
        }
    }

    @GET
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.REGULATOR, Roles.PRACTITIONER})
    @Operation(summary = "The consent in force (version 0: nothing published)")
    public ConsentView current(@PathParam("id") UUID id) {
        return ConsentView.of(service.current(id, caller.get()));
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.REGULATOR, Roles.PRACTITIONER})
    @Operation(summary = "Every version of the consent, oldest first")
    public List<ConsentView> history(@PathParam("id") UUID id) {
        return service.history(id, caller.get()).stream().map(ConsentView::of).toList();
    }

    @PUT
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Give, change or revoke consent", description = "Only the practitioner; each call is a new version.")
    public ConsentView give(@PathParam("id") UUID id, @NotNull ConsentInput input) {
        return ConsentView.of(service.give(id, input, caller.get()));
    }
}
