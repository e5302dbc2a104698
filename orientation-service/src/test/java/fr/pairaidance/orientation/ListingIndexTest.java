package fr.pairaidance.orientation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.orientation.service.ListingSearch;
import fr.pairaidance.orientation.service.SearchCriteria;
import fr.pairaidance.orientation.service.SearchResult;
import fr.pairaidance.platform.reference.Geography;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The counts per level and facets a search takes from the in-memory listing index are those SQL counts, over
 * every kind of area and filter, before and after the listing changes; and the index is what answers. The
 * pages, read from the levels their window covers, are the slices of one long page in the same order.
 */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class ListingIndexTest {

    private static final List<String> LANGUAGES = List.of("fr", "en", "es", "ar", "fsl");
    private static final List<String> DOMAINS = List.of("MENTAL_HEALTH", "ADDICTION", "CANCER", "BEREAVEMENT");
    private static final List<String> APPELLATIONS = List.of("PAIR_AIDANT", "PATIENT_EXPERT", "TRAVAILLEUR_PAIR");
    private static final List<String> MODES = List.of("VOLUNTEER", "SELF_EMPLOYED", "SALARIED");
    private static final List<String> FORMATS = List.of("ONE_TO_ONE", "PEER_GROUP", "ORGANISATION_ADVICE");
    private static final List<String> AREAS = Arrays.asList(null, "com:33063", "ze:7505", "dep:33", "dep:64",
            "reg:75", "ze:9312", "reg:93", "com:75056");
    /** The long page, and the short pages compared with its slices. */
    private static final int LONG_PAGE = 60;
    private static final int SHORT_PAGE = 7;
    /** Practitioners of this test, withdrawn at its end: other tests count the remote ones. */
    private final List<Feed.P> mine = new ArrayList<>();

    @Inject
    ListingSearch search;
    @Inject
    AreaScopes scopes;
    @Inject
    Geography geography;
    @Inject
    MeterRegistry meters;

    @Test
    void indexCountsAsSqlDoesAndFollowsChanges() {
        try {
            publishAndCompare();
        } finally {
            mine.forEach(Feed::withdrawFromRegistry);
            mine.forEach(p -> Feed.awaitListed(p, false));
        }
    }

    private void publishAndCompare() {
        Random random = new Random(20261207);
        List<Geography.Commune> places = geography.communes().stream()
                .filter(c -> c.regionCode().equals("75") || c.regionCode().equals("93")).sorted(
                        java.util.Comparator.comparing(Geography.Commune::code)).toList();
        for (int i = 0; i < 40; i++) {
            Geography.Commune place = i % 4 == 0 ? geography.commune("33063").orElseThrow()
                    : places.get(random.nextInt(places.size()));
            Feed.P p = new Feed.P().in(place.code(), place.zoneCode(), place.departmentCode(), place.regionCode());
            p.languages = some(random, LANGUAGES);
            p.domains = some(random, DOMAINS);
            p.appellations = some(random, APPELLATIONS);
            p.modes = some(random, MODES);
            p.formats = some(random, FORMATS);
            p.remote = random.nextInt(3) == 0;
            Feed.registry(p, Feed.CONSENTS_CHANGED);
            Feed.label(p, "ACTIVE", "granted.v1");
            mine.add(p);
        }
        mine.forEach(p -> Feed.awaitListed(p, true));

        compareAll();

        // Changes: one suspended, one moved elsewhere without remote work, one withdrawn.
        Feed.label(mine.get(1), "SUSPENDED", "suspended.v1");
        Feed.P moved = mine.get(2);
        Geography.Commune marseille = geography.commune("13055").orElseThrow();
        moved.in(marseille.code(), marseille.zoneCode(), marseille.departmentCode(), marseille.regionCode());
        moved.remote = false;
        Feed.registry(moved, Feed.UPDATED);
        Feed.withdrawFromRegistry(mine.get(3));
        Feed.awaitListed(mine.get(1), false);
        Feed.awaitListed(moved, true);
        Feed.awaitListed(mine.get(3), false);
        compareAll();
    }

    /** Compares the index's and SQL's aggregates of every area with every filter set. */
    private void compareAll() {
        double before = meters.counter("orientation.search.aggregates", "source", "index").count();
        List<SearchCriteria> criteria = new ArrayList<>();
        for (String area : AREAS) {
            AreaScope scope = scopes.parse("area", area);
            criteria.add(criteria(scope, List.of(), null, null, null, null, null));
            DOMAINS.forEach(d -> criteria.add(criteria(scope, List.of(d), null, null, null, null, null)));
            criteria.add(criteria(scope, List.of("ADDICTION", "CANCER"), null, null, null, null, null));
            criteria.add(criteria(scope, List.of("EATING_DISORDERS"), null, null, null, null, null));
            APPELLATIONS.forEach(a -> criteria.add(criteria(scope, List.of(), a, null, null, null, null)));
            MODES.forEach(m -> criteria.add(criteria(scope, List.of(), null, m, null, null, null)));
            FORMATS.forEach(f -> criteria.add(criteria(scope, List.of(), null, null, f, null, null)));
            LANGUAGES.forEach(l -> criteria.add(criteria(scope, List.of(), null, null, null, l, null)));
            criteria.add(criteria(scope, List.of(), null, null, null, "zz", null));
            criteria.add(criteria(scope, List.of(), null, null, null, null, true));
            criteria.add(criteria(scope, List.of(), null, null, null, null, false));
            criteria.add(criteria(scope, List.of("MENTAL_HEALTH"), null, "SALARIED", null, "fr", null));
            criteria.add(criteria(scope, List.of("ADDICTION", "MENTAL_HEALTH"), "PAIR_AIDANT", null, "PEER_GROUP",
                    null, true));
        }
        int searches = criteria.size();
        for (SearchCriteria c : criteria) {
            ListingSearch.Aggregates indexed = search.aggregatesAtVersion(c);
            SearchResult sql = search.run(c);
            String what = c.toString();
            assertEquals(sql.total(), indexed.total(), what);
            assertEquals(sql.countsByLevel(), indexed.countsByLevel(), what);
            assertEquals(List.copyOf(sql.countsByLevel().keySet()), List.copyOf(indexed.countsByLevel().keySet()),
                    what);
            assertEquals(sql.widenedTo(), indexed.widenedTo(), what);
            assertEquals(sql.areaHasMatches(), indexed.areaHasMatches(), what);
            assertEquals(sql.facets(), indexed.facets(), what);
            searches += comparePages(c, sql);
        }
        double fromIndex = meters.counter("orientation.search.aggregates", "source", "index").count() - before;
        assertEquals(searches, fromIndex, 0.0, "searches counted by the index");
    }

    /** Pages of 7 across the levels' boundaries against the long page of the same search; how many were read. */
    private int comparePages(SearchCriteria c, SearchResult longPage) {
        List<String> all = longPage.items().stream().map(SearchResult.Hit::registryNumber).toList();
        assertEquals(Math.min(LONG_PAGE, longPage.total()), all.size(), c.toString());
        List<SearchResult.Hit> ordered = new ArrayList<>(longPage.items());
        ordered.sort(java.util.Comparator.comparing((SearchResult.Hit h) -> h.matchedBy() == null ? -1
                : h.matchedBy().ordinal()).thenComparing(SearchResult.Hit::registryNumber));
        assertEquals(ordered, longPage.items(), "level, then registry number: " + c);
        int page = 0;
        for (; page * SHORT_PAGE <= Math.min(all.size(), 6 * SHORT_PAGE); page++) {
            SearchCriteria shortPage = new SearchCriteria(c.scope(), c.domains(), c.appellation(), c.mode(), c.format(),
                    c.language(), c.remote(), page, SHORT_PAGE);
            List<String> expected = all.subList(Math.min(all.size(), page * SHORT_PAGE),
                    Math.min(all.size(), (page + 1) * SHORT_PAGE));
            List<SearchResult.Hit> hits = search.runAtVersion(shortPage).items();
            assertEquals(expected, hits.stream().map(SearchResult.Hit::registryNumber).toList(), shortPage.toString());
            for (int i = 0; i < hits.size(); i++) {
                assertEquals(longPage.items().get(page * SHORT_PAGE + i).matchedBy(), hits.get(i).matchedBy(),
                        shortPage + " #" + i);
            }
        }
        return page;
    }

    private static SearchCriteria criteria(AreaScope scope, List<String> domains, String appellation, String mode,
            String format, String language, Boolean remote) {
        return new SearchCriteria(scope, domains, appellation, mode, format, language, remote, 0, LONG_PAGE);
    }

    /** One to three distinct values, in the list's order. */
    private static List<String> some(Random random, List<String> values) {
        List<String> picked = new ArrayList<>(values);
        java.util.Collections.shuffle(picked, random);
        int n = 1 + random.nextInt(Math.min(3, values.size()));
        return values.stream().filter(picked.subList(0, n)::contains).toList();
    }
}
