package fr.pairaidance.registry.service;

import fr.pairaidance.platform.validation.OneLine;
import fr.pairaidance.platform.validation.Siret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training module completed by a practitioner. */
public record CompletionInput(
        @NotBlank @Schema(example = "CORE-1A") String moduleCode,
        @NotNull @PastOrPresent @Schema(example = "2026-03-20") LocalDate completedOn,
        @NotNull @Valid TrainingBody trainingBody,
        @NotBlank @OneLine @Size(max = 200) @Schema(example = "ATTEST-2026-0042") String evidenceReference,
        @NotBlank @Schema(description = "ON_SITE or REMOTE", example = "ON_SITE") String delivery) {

    /** The training body that delivered the module. */
    public record TrainingBody(
            @NotBlank @OneLine @Size(max = 200) @Schema(example = "Institut de formation pair-aidance") String name,
            @NotNull @Siret @Schema(example = "73282932000074") String siret) {
    }
}
