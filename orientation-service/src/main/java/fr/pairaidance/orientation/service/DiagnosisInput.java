package fr.pairaidance.orientation.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employer's workforce by age band and gender, and optionally where to look for peer helpers. */
@Schema(example = """
        {"workforce": [{"ageBand": "18-29", "gender": "F", "count": 10}, {"ageBand": "55-64", "gender": "M", "count": 20}],
         "area": "ze:8421"}""")
public record DiagnosisInput(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Cell> workforce,
        @Schema(description = "Typed area to search in, e.g. ze:8421") String area) {

    public record Cell(
            @NotNull @Pattern(regexp = "18-29|30-44|45-54|55-64|65\\+", message = "must be one of 18-29, 30-44, 45-54, 55-64, 65+")
            String ageBand,
            @NotNull @Pattern(regexp = "F|M|X", message = "must be F, M or X (other or not stated)")
            String gender,
            @NotNull @Min(0) @Max(1_000_000) Integer count) {
    }
}
