package fr.pairaidance.orientation.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;

/**
 * A structure of the data·inclusion schema v1 ({@code structure.json}): the organisation a practitioner published
 * (their SIRET, or their employer), else the regional platform. Absent fields are unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InclusionStructure(String source, String id, String nom, String siret, String description,
        String courriel, String telephone, String siteWeb, String lienSource, LocalDate dateMaj) {
}
