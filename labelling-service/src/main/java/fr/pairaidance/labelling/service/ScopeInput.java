package fr.pairaidance.labelling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a label covers: codes of the vocabularies {@code domains} and {@code appellations}. */
@Schema(description = "Lived-experience domains and appellations covered")
public record ScopeInput(
        @NotEmpty @Size(max = 13) @Schema(example = "[\"MENTAL_HEALTH\"]") List<@NotBlank String> domains,
        @NotEmpty @Size(max = 6) @Schema(example = "[\"PAIR_AIDANT\"]") List<@NotBlank String> appellations) {
}
