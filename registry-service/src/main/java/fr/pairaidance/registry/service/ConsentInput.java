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
        @NotNull @Schema(description = "Release contact details to employers whose request I accept") Boolean contact,
        @Schema(description = "Publish the organisation I practise in: my SIRET when self-employed, my employer's name "
                + "when salaried. Optional (clients written before it): absent is false, not published.")
        Boolean organisation) {

    /** Whether the organisation is published: only when the practitioner said so. */
    public boolean organisationPublished() {
        return Boolean.TRUE.equals(organisation);
    }
}
