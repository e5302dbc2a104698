package fr.pairaidance.platform.rest;

import fr.pairaidance.platform.reference.Vocabularies;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service serves the same versioned vocabularies, so that clients validate as the services do. */
@Path("/api/v1/vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class VocabularyResource {

    private final Vocabularies vocabularies;

    VocabularyResource(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    @GET
    @PermitAll
    @Operation(summary = "Codes with French and English labels: domains, appellations, modes, formats, delivery, languages")
    public Vocabularies.Catalogue vocabularies() {
        return vocabularies.catalogue();
    }
}
