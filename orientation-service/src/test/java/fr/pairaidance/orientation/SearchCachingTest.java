package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.label;
import static fr.pairaidance.orientation.Feed.published;
import static fr.pairaidance.orientation.Feed.registry;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Search answers and their ETags are cached per version of the listing: they must change with the
 * listing at once, and only then (a 304 stays valid while the listing is unchanged).
 */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class SearchCachingTest {

    @Inject
    DataSource ds;

    private static Response search(String language, String... more) {
        var request = given().queryParam("area", "ze:8421").queryParam("language", language);
        for (int i = 0; i < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.get("/api/v1/practitioners");
    }

    private static int conditional(String etag, String language) {
        return given().header("If-None-Match", etag).queryParam("area", "ze:8421").queryParam("language", language)
                .get("/api/v1/practitioners").statusCode();
    }

    @Test
    void aLabelChangeGivesNewContentAndANewEtagAtOnce() {
        Feed.P p = published(Feed.lyon("uk"));
        Response before = search("uk");
        before.then().statusCode(200).body("items.label.state", contains("ACTIVE"));
        String oldTag = before.getHeader("ETag");
        assertEquals(304, conditional(oldTag, "uk"));

        label(p, "RENEWAL_DUE", "renewal-due.v1");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "RENEWAL_DUE".equals(search("uk").path("items[0].label.state")));
        Response after = search("uk");
        after.then().statusCode(200).body("items.registryNumber", contains(p.registryNumber))
                .body("items.label.state", contains("RENEWAL_DUE"));
        String newTag = after.getHeader("ETag");
        assertNotEquals(oldTag, newTag);

        given().header("If-None-Match", oldTag).queryParam("area", "ze:8421").queryParam("language", "uk")
                .get("/api/v1/practitioners").then().statusCode(200)
                .body("items.label.state", contains("RENEWAL_DUE")).header("ETag", newTag);
        assertEquals(304, conditional(newTag, "uk"));
    }

    @Test
    void aRegistryChangeUpdatesTheCountsAndFacetsOfEveryPage() {
        Feed.P first = published(Feed.lyon("ht"));
        Feed.P second = published(Feed.lyon("ht").domains("ADDICTION"));
        // Page 1 of size 1 shares the aggregates of page 0: both must follow the change.
        search("ht", "size", "1", "page", "1").then().statusCode(200).body("total", equalTo(2))
                .body("facets.domains.ADDICTION", equalTo(1));
        Response before = search("ht");
        before.then().statusCode(200).body("total", equalTo(2)).body("countsByLevel.ZONE", equalTo(2));
        String oldTag = before.getHeader("ETag");

        second.listed = false;
        registry(second, Feed.CONSENTS_CHANGED);
        await().atMost(Duration.ofSeconds(30)).until(() -> search("ht").<Integer>path("total") == 1);
        search("ht").then().statusCode(200)
                .body("items.registryNumber", contains(first.registryNumber))
                .body("countsByLevel.ZONE", equalTo(1))
                .body("facets.domains.ADDICTION", nullValue())
                .header("ETag", not(equalTo(oldTag)));
        search("ht", "size", "1", "page", "1").then().statusCode(200).body("total", equalTo(1))
                .body("items.size()", equalTo(0)).body("facets.domains.ADDICTION", nullValue());
        assertEquals(200, conditional(oldTag, "ht"));
    }

    @Test
    void anEventThatLeavesTheListingAloneKeepsTheEtag() {
        published(Feed.lyon("oc"));
        String tag = search("oc").getHeader("ETag");
        assertEquals(304, conditional(tag, "oc"));

        Feed.P unlisted = Feed.lyon("oc");
        unlisted.listed = false;
        registry(unlisted, Feed.REGISTERED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(ds,
                "select count(*) from registry_state where practitioner_id = ?", unlisted.id) == 1);
        assertEquals(304, conditional(tag, "oc"));
        search("oc").then().statusCode(200).header("ETag", tag);
    }

    /**
     * Each instance holds the listing's version in memory, told of every committed bump by PostgreSQL
     * (LISTEN/NOTIFY): a change committed by another instance must reach this one's answers.
     */
    @Test
    void aChangeCommittedByAnotherInstanceReachesSearch() {
        published(Feed.lyon("co"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(ds, LISTENER) == 1);
        String tag = search("co").getHeader("ETag");

        Db.execute(ds, "update read_model_version set version = version + 1 where id = 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !tag.equals(search("co").getHeader("ETag")));
        assertEquals(200, conditional(tag, "co"));
    }

    /** Without its listener's connection, an instance reads the version again until the listener is back. */
    @Test
    void searchReadsTheDatabaseWhileTheListenerIsCutOffAndListensAgainAfter() {
        published(Feed.lyon("pl"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(ds, LISTENER) == 1);
        long cutOff = Db.count(ds, LISTENER.replace("count(*)", "pid"));
        Db.execute(ds, "select pg_terminate_backend(?)", (int) cutOff);
        String tag = search("pl").getHeader("ETag");
        Db.execute(ds, "update read_model_version set version = version + 1 where id = 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !tag.equals(search("pl").getHeader("ETag")));

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(ds, LISTENER + " and pid <> ?", (int) cutOff) == 1);
        String again = search("pl").getHeader("ETag");
        Db.execute(ds, "update read_model_version set version = version + 1 where id = 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !again.equals(search("pl").getHeader("ETag")));
    }

    @Inject
    @io.quarkus.cache.CacheName("orientation-search-answers")
    io.quarkus.cache.Cache answers;

    @Inject
    @io.quarkus.cache.CacheName("orientation-search-aggregates")
    io.quarkus.cache.Cache aggregates;

    private static Response reunionSearch(String... more) {
        var request = given().queryParam("area", "ze:0403").queryParam("language", "ht");
        for (int i = 0; i < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.get("/api/v1/practitioners");
    }

    /** The versions the cache's entries are of. */
    private static java.util.Set<Long> versionsIn(io.quarkus.cache.Cache cache) {
        return cache.as(io.quarkus.cache.CaffeineCache.class).keySet().stream()
                .map(k -> ((fr.pairaidance.orientation.service.VersionedCache.Key) k).version())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void onceTheListingChangesTheCachesHoldNothingOfItsOlderVersions() {
        // Saint-Denis (La Réunion), Haitian Creole: a zone and a language no other search of these tests reads.
        Feed.P p = published(new Feed.P().speaking("ht").in("97411", "0403", "974", "04"));
        reunionSearch().then().statusCode(200);
        reunionSearch("domain", "MENTAL_HEALTH").then().statusCode(200);
        java.util.Set<Long> old = versionsIn(answers);
        org.junit.jupiter.api.Assertions.assertFalse(old.isEmpty(), "the answers were cached");

        label(p, "RENEWAL_DUE", "renewal-due.v1");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "RENEWAL_DUE".equals(reunionSearch().path("items[0].label.state")));
        reunionSearch("domain", "MENTAL_HEALTH").then().statusCode(200);
        java.util.Set<Long> now = versionsIn(answers);
        assertEquals(1, now.size(), "answers of one version only: " + now);
        // The listing index counts these searches: the aggregate cache holds only what SQL counted.
        org.junit.jupiter.api.Assertions.assertTrue(versionsIn(aggregates).size() <= 1,
                "aggregates of one version at most: " + versionsIn(aggregates));
        org.junit.jupiter.api.Assertions.assertTrue(now.iterator().next() > java.util.Collections.max(old),
                "the newest version stays: " + old + " then " + now);
    }

    private static final String LISTENER = "select count(*) from pg_stat_activity "
            + "where application_name = 'orientation-read-model-version'";

    @Test
    void equalSearchesShareTheirEtagWhateverTheOrderOfTheDomains() {
        published(Feed.lyon("zh").domains("ADDICTION", "MENTAL_HEALTH"));
        String one = search("zh", "domain", "ADDICTION", "domain", "MENTAL_HEALTH").then().statusCode(200)
                .extract().header("ETag");
        String other = given().queryParam("area", "ze:8421").queryParam("language", "zh")
                .queryParam("domain", "MENTAL_HEALTH", "ADDICTION").get("/api/v1/practitioners").then()
                .statusCode(200).extract().header("ETag");
        assertEquals(one, other);
        assertNotEquals(one, search("zh", "domain", "ADDICTION").getHeader("ETag"));
    }

    @Test
    void aSearchAnswered304StillCountsAsASearchOfTheArea() {
        // A zone of Corse-du-Sud nobody else searches, with nobody published there.
        String zone = given().queryParam("area", "dep:2A").get("/api/v1/geography/zones").then().statusCode(200)
                .extract().path("items[-1].code");
        String etag = given().queryParam("area", "ze:" + zone).get("/api/v1/practitioners").then().statusCode(200)
                .body("areaHasMatches", equalTo(false)).extract().header("ETag");
        // Five searches in all: counts under five would be suppressed.
        for (int i = 0; i < 4; i++) {
            given().header("If-None-Match", etag).queryParam("area", "ze:" + zone).get("/api/v1/practitioners")
                    .then().statusCode(304);
        }
        given().queryParam("area", "ze:" + zone).get("/api/v1/indicators").then().statusCode(200)
                .body("unmetDemand.searches.value", equalTo(5))
                .body("unmetDemand.searchesWithNobodyInArea.value", equalTo(5));
    }
}
