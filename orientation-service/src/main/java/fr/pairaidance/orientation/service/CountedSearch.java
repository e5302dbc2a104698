package fr.pairaidance.orientation.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The public search: runs it at a read-model version and counts its outcome per place (unmet demand),
 * whether the answer was computed, taken from a cache or confirmed unchanged (304).
 */
@ApplicationScoped
public class CountedSearch {

    private final ListingSearch search;
    private final SearchOutcomes outcomes;
    private final ReadModelVersion version;

    CountedSearch(ListingSearch search, SearchOutcomes outcomes, ReadModelVersion version) {
        this.search = search;
        this.outcomes = outcomes;
        this.version = version;
    }

    /** The latest committed version of the listing. */
    public long version() {
        return version.current();
    }

    /** The page and its aggregates, exactly as of {@link SearchResult#readModelVersion()}; not counted. */
    public SearchResult search(SearchCriteria criteria) {
        return search.runAtVersion(criteria);
    }

    /** Counts a search answered with a body (computed or cached). */
    public void searched(SearchCriteria criteria, boolean areaHasMatches) {
        if (criteria.scope() != null && criteria.page() == 0) {
            outcomes.searched(criteria.scope(), areaHasMatches);
        }
    }

    /** Counts a search answered 304 (the caller still has the answer): its outcome comes from the aggregates. */
    public void searchedUnchanged(SearchCriteria criteria) {
        if (criteria.scope() != null && criteria.page() == 0) {
            outcomes.searched(criteria.scope(), search.aggregatesAtVersion(criteria).areaHasMatches());
        }
    }
}
