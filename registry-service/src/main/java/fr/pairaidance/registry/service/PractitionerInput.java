package fr.pairaidance.registry.service;

import fr.pairaidance.platform.validation.OneLine;
import fr.pairaidance.platform.validation.Phone;
import fr.pairaidance.platform.validation.Siret;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A practitioner's record as typed by an agent or by the practitioner: registration and update. */
@Schema(description = "A practitioner's record. Department, region and employment zone are derived from the commune.")
public record PractitionerInput(
        @NotBlank @OneLine @Size(max = 100) @Schema(example = "Camille") String givenName,
        @NotBlank @OneLine @Size(max = 100) @Schema(example = "Durand") String familyName,
        @NotNull @Past @Schema(example = "1985-04-12") LocalDate birthDate,
        @NotBlank @Email @Size(max = 254) @Schema(example = "camille.durand@example.org") String email,
        @Phone @Schema(example = "+33612345678") String phone,
        @NotBlank @Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "must be an INSEE commune code of 5 characters")
        @Schema(description = "INSEE commune code of practice", example = "69123") String communeCode,
        @NotEmpty @Size(max = 13) @Schema(description = "Lived-experience domains (vocabulary domains)", example = "[\"MENTAL_HEALTH\"]")
        List<@NotBlank String> domains,
        @NotEmpty @Size(max = 6) @Schema(example = "[\"PAIR_AIDANT\"]") List<@NotBlank String> appellations,
        @NotEmpty @Size(max = 3) @Schema(example = "[\"SELF_EMPLOYED\"]") List<@NotBlank String> modes,
        @Siret @Schema(description = "Required with mode SELF_EMPLOYED", example = "73282932000074") String siret,
        @OneLine @Size(max = 200) @Schema(description = "Required with mode SALARIED", example = "Association Entraide") String employerName,
        @NotEmpty @Size(max = 4) @Schema(example = "[\"ONE_TO_ONE\", \"PEER_GROUP\"]") List<@NotBlank String> formats,
        @NotEmpty @Size(max = 19) @Schema(example = "[\"fr\"]") List<@NotBlank String> languages,
        @Schema(description = "Practises remotely too") boolean remote) {
}
