package fr.pairaidance.registry.service;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The practitioner's choice of what orientation may publish, field by field. */
@Schema(description = "Consent to publication in orientation, field by field. Nothing is published without 'listed'.")
public record ConsentInput(
        @NotNull @Schema(description = "Appear in orientation search (public name, zone, modes, label)") Boolean listed,
        @NotNull @Schema(description = "Publish the lived-experience domains (health data)") Boolean domains,
        @NotNull Boolean appellations,
        @NotNull Boolean formats,
        @NotNull Boolean languages,
        @NotNull @Schema(description = "Publish the commune; otherwise only the employment zone") Boolean commune,
        @NotNull @Schema(description = "Release contact details to employers whose request I accept") Boolean contact) {
}
