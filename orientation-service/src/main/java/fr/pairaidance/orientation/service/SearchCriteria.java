package fr.pairaidance.orientation.service;

import java.util.List;
import java.util.Objects;

/**
 * Filters of the orientation search; null or empty means "any". {@code domains} match when the
 * practitioner published at least one of them; they are kept sorted and without repeats, so that
 * equal searches are equal criteria (the key of the search caches). Pages start at 0.
 */
public record SearchCriteria(AreaScope scope, List<String> domains, String appellation, String mode, String format,
        String language, Boolean remote, int page, int size) {

    public SearchCriteria {
        domains = domains == null ? List.of()
                : domains.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** The same filters without the page: what the counts per level and the facets depend on. */
    public SearchCriteria allPages() {
        return new SearchCriteria(scope, domains, appellation, mode, format, language, remote, 0, 0);
    }

    /** The same filters without the area and the page. */
    public SearchCriteria withoutArea() {
        return new SearchCriteria(null, domains, appellation, mode, format, language, remote, 0, 0);
    }
}
