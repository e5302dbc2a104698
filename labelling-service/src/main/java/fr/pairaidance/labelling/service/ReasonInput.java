package fr.pairaidance.labelling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision's reason: refusal, appeal, reinstatement, revocation, renewal. */
public record ReasonInput(
        @NotBlank @Size(max = 2000) @Schema(example = "Supervision log and references checked") String reason) {
}
