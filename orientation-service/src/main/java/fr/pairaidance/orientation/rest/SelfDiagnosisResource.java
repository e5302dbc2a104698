package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.service.DiagnosisInput;
import fr.pairaidance.orientation.service.DiagnosisService;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/self-diagnosis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-diagnosis")
public class SelfDiagnosisResource {

    private final DiagnosisService diagnoses;
    private final CurrentCaller caller;

    SelfDiagnosisResource(DiagnosisService diagnoses, CurrentCaller caller) {
        this.diagnoses = diagnoses;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Operation(summary = "Estimate how many employees likely live each situation",
            description = "From the workforce by age band and gender, with each figure's source and population, "
                    + "whether it describes workers or the general population, and the domains to search for. "
                    + "Estimates below the threshold are shown as \"< 3\". Nothing is stored unless a signed-in "
                    + "employer asks with save=true.")
    @APIResponse(responseCode = "200", description = "The estimate (not stored)")
    @APIResponse(responseCode = "201", description = "The estimate, saved for the signed-in employer")
    public Response run(@Valid @NotNull DiagnosisInput input,
            @QueryParam("save") @Parameter(description = "true to save it (employers only)") String save) {
        if (Boolean.TRUE.equals(QueryParams.bool("save", save))) {
            return saveIt(input);
        }
        return Response.ok(diagnoses.run(input)).build();
    }

    @POST
    @Path("/saved")
    @RolesAllowed(Roles.EMPLOYER)
    @Operation(summary = "Run and save a self-diagnosis for the signed-in employer")
    @APIResponse(responseCode = "201", description = "The saved diagnosis")
    public Response saveIt(@Valid @NotNull DiagnosisInput input) {
        DiagnosisService.Saved saved = diagnoses.runAndSave(input, caller.get());
        return Response.status(201).entity(saved).build();
    }

    @GET
    @Path("/saved")
    @RolesAllowed(Roles.EMPLOYER)
    @Operation(summary = "The signed-in employer's saved self-diagnoses, newest first")
    public SavedList saved() {
        return new SavedList(diagnoses.saved(caller.get()));
    }

    /** Saved diagnoses. */
    public record SavedList(List<DiagnosisService.Saved> items) {
    }
}
