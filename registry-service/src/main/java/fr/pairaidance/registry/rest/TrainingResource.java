package fr.pairaidance.registry.rest;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.registry.persistence.TrainingRecord;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.persistence.TrainingRecord;
import fr.pairaidance.registry.service.CompletionInput;
import fr.pairaidance.registry.service.PriorExperienceInput;
import fr.pairaidance.registry.service.TrainingService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/practitioners/{id}/training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Training")
public class TrainingResource {

    private final TrainingService service;
    private final CurrentCaller caller;

    TrainingResource(TrainingService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** A completion or a recognition of prior experience. */
    public record RecordView(UUID id, String kind, List<String> moduleCodes, String catalogueVersion,
            LocalDate achievedOn, String trainingBodyName, String trainingBodySiret, String evidenceReference,
            String delivery, String decidedBy, Instant recordedAt) {

        static RecordView of(TrainingRecord r) {
            return new RecordView(r.id, r.kind.name(), r.moduleCodes, r.catalogueVersion, r.achievedOn,
                    r.trainingBodyName, r.trainingBodySiret, r.evidenceReference, r.delivery, r.decidedBy, r.recordedAt);
        }
    }

    public record HistoryView(String catalogueVersion, boolean coreComplete, List<String> missingCoreModules,
            List<RecordView> records) {

        static HistoryView of(TrainingService.History h) {
            return new HistoryView(h.catalogueVersion(), h.coreComplete(), h.missingCoreModules(),
                    h.records().stream().map(RecordView::of).toList());
        }
    }

    @GET
    @RolesAllowed({Roles.REGISTRY_AGENT, Roles.REGULATOR, Roles.PRACTITIONER})
    @Operation(summary = "Training history and what the common core still lacks")
    public HistoryView history(@PathParam("id") UUID id) {
        return HistoryView.of(service.history(id, caller.get()));
    }

    @POST
    @Path("/completions")
    @RolesAllowed(Roles.REGISTRY_AGENT)
    @Operation(summary = "Record a completed training module")
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull CompletionInput input,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        IdempotentResult<TrainingRecord> recorded = service.recordCompletion(id, input, idempotencyKey, caller.get());
        return IdempotencyKeys.markReplayed(Response.status(201).entity(RecordView.of(recorded.value())),
                recorded.replayed()).build();
    }

    @POST
    @Path("/prior-experience")
    @RolesAllowed(Roles.REGISTRY_AGENT)
    @Operation(summary = "Record a recognition of prior experience (VAE) standing for modules")
    public Response recognise(@PathParam("id") UUID id, @Valid @NotNull PriorExperienceInput input,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        IdempotentResult<TrainingRecord> recorded = service.recognisePriorExperience(id, input, idempotencyKey,
                caller.get());
        return IdempotencyKeys.markReplayed(Response.status(201).entity(RecordView.of(recorded.value())),
                recorded.replayed()).build();
    }
}
