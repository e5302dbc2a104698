package fr.pairaidance.orientation.service;

import jakarta.enterprise.context.ApplicationScoped;

/** The public search: runs it and counts its outcome per place (unmet demand). */
@ApplicationScoped
public class OrientationSearch {

    private final PractitionerSearch search;
    private final SearchOutcomes outcomes;

    OrientationSearch(PractitionerSearch search, SearchOutcomes outcomes) {
        this.search = search;
        this.outcomes = outcomes;
    }

    public SearchResult search(SearchCriteria criteria) {
        SearchResult result = search.run(criteria);
        if (criteria.scope() != null && criteria.page() == 0) {
            outcomes.searched(criteria.scope(), result.areaHasMatches());
        }
        return result;
    }
}
