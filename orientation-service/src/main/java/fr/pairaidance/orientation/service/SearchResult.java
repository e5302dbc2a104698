package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.service.AreaScope.Level;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of the orientation search, with the counts per level and the facets of the whole result.
 *
 * @param readModelVersion the {@link ReadModelVersion} the result is exactly of; -1 when read outside a snapshot
 */
public record SearchResult(List<Hit> items, int page, int size, long total, Map<Level, Long> countsByLevel,
        Level widenedTo, boolean areaHasMatches, Facets facets, long readModelVersion) {

    /** A published practitioner and how it matched the area (null without an area). */
    public record Hit(UUID practitionerId, String registryNumber, String publicName, String communeCode,
            String zoneCode, String departmentCode, String regionCode, List<String> modes, List<String> domains,
            List<String> appellations, List<String> formats, List<String> languages, boolean remote,
            String labelNumber, String labelState, LocalDate expiresOn, Level matchedBy) {
    }

    public record Facets(Map<String, Long> domains, Map<String, Long> modes, Map<String, Long> formats) {
    }
}
