package fr.pairaidance.orientation.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An employer's orientation request: to one practitioner ({@code registryNumber}) or to the best
 * {@code bestMatches} published practitioners for the area, domains and format.
 */
@Schema(example = """
        {"area": "ze:8421", "domains": ["MENTAL_HEALTH"], "format": "PEER_GROUP", "workforceSize": 120,
         "message": "We would like to set up a peer group for employees returning from sick leave.", "bestMatches": 3}""")
public record RequestInput(
        @Pattern(regexp = "[A-Z]{1,5}-\\d{4}-\\d{6}", message = "must be a registry number such as PA-2026-000042")
        String registryNumber,
        @Min(1) @Max(5) Integer bestMatches,
        @NotBlank @Schema(description = "Typed area: ze:, dep:, reg: or com:") String area,
        @Size(max = 13) List<@NotBlank String> domains,
        String format,
        @Min(1) @Max(1_000_000) Integer workforceSize,
        @Size(max = 2000) String message) {
}
