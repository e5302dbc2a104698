package fr.pairaidance.registry.service;

import fr.pairaidance.platform.validation.OneLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recognition of prior experience (VAE): proven experience standing for training modules. */
public record PriorExperienceInput(
        @NotEmpty @Size(max = 20) @Schema(example = "[\"CORE-1A\", \"CORE-1B\"]") List<@NotBlank String> moduleCodes,
        @NotNull @PastOrPresent @Schema(example = "2026-02-02") LocalDate decidedOn,
        @NotBlank @OneLine @Size(max = 200) @Schema(example = "VAE-JURY-2026-117") String evidenceReference) {
}
