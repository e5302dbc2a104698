package fr.pairaidance.orientation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.orientation.service.SearchResult;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the orientation search. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPageView(
        List<PractitionerHitView> items, int page, int size, long total,
        @Schema(description = "The typed area searched, e.g. ze:8421") String area,
        @Schema(description = "False when nobody matched in the area itself") boolean areaHasMatches,
        @Schema(description = "When the area has nobody: the closest level that has someone (DEPARTMENT, REGION or REMOTE)")
        String widenedTo,
        @Schema(description = "Results per level: ZONE, DEPARTMENT, REGION, REMOTE") Map<String, Long> countsByLevel,
        SearchResult.Facets facets) {
}
