package fr.pairaidance.orientation.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;

/**
 * One published practitioner as a service of the data·inclusion schema v1 ({@code service.json}). A field
 * the practitioner did not consent to publish, or that nothing maps to, is absent (never null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InclusionService(String source, String id, String structureId, String nom, String description,
        String type, List<String> thematiques, List<String> publics, List<String> modesAccueil,
        List<String> zoneEligibilite, String codeInsee, String commune, List<String> modesMobilisation,
        String lienMobilisation, List<String> mobilisablePar, String mobilisationPrecisions, String lienSource,
        LocalDate dateMaj) {
}
