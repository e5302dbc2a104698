package fr.pairaidance.labelling.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The grant of a label: its scope and the reason. */
public record GrantInput(
        @NotBlank @Size(max = 2000) @Schema(example = "Common core and supervised practice verified") String reason,
        @NotNull @Valid ScopeInput scope) {
}
