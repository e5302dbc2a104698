package fr.pairaidance.labelling.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The decision on an appeal: upheld (a label is granted with the scope) or dismissed (final). */
public record AppealDecisionInput(
        @NotNull @Schema(example = "UPHELD") Outcome outcome,
        @NotBlank @Size(max = 2000) @Schema(example = "The missing supervision evidence was provided") String reason,
        @Valid @Schema(description = "Required when the appeal is upheld") ScopeInput scope) {

    public enum Outcome { UPHELD, DISMISSED }
}
