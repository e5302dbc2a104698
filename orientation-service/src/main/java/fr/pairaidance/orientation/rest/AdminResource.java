package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.service.ReadModelRebuild;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class AdminResource {

    private final ReadModelRebuild rebuild;
    private final OrientationConfig config;

    AdminResource(ReadModelRebuild rebuild, OrientationConfig config) {
        this.rebuild = rebuild;
        this.config = config;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Rebuild the read model from the registry and label topics",
            description = "Available only when orientation.admin.rebuild-enabled=true. Replays both compacted topics "
                    + "from the start in one transaction; searches see the previous model until it commits.")
    @APIResponse(responseCode = "409", description = "The rebuild is disabled by configuration")
    public ReadModelRebuild.Report rebuild() {
        if (!config.admin().rebuildEnabled()) {
            throw ProblemException.conflict("rebuild-disabled", "Rebuild disabled",
                    "set orientation.admin.rebuild-enabled=true to allow it");
        }
        return rebuild.rebuild();
    }
}
