package fr.pairaidance.labelling.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application for a label. */
@Schema(description = "An application for a label, by the practitioner or by an agent on their behalf")
public record ApplicationInput(
        @Schema(description = "Required from an agent; a practitioner applies for themselves",
                example = "6f1c2a8e-3d7b-4c1e-9a51-2b0f7c9d1e42") UUID practitionerId,
        @NotNull @Valid @Schema(description = "The scope asked for") ScopeInput scope) {
}
