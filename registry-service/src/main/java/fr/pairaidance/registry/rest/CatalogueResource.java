package fr.pairaidance.registry.rest;

import fr.pairaidance.registry.service.TrainingCatalogue;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/training-modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class CatalogueResource {

    private final TrainingCatalogue catalogue;

    CatalogueResource(TrainingCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @PermitAll
    @Operation(summary = "The versioned catalogue of training modules (common core and specialisations)")
    public TrainingCatalogue.Catalogue catalogue() {
        return catalogue.catalogue();
    }
}
