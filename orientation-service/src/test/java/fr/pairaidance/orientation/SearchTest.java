package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.published;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orientation search: ladder of levels, widening, filters, facets, pages, region/department codes, 304. */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class SearchTest {

    private static Feed.P lyon;
    private static Feed.P villefranche;
    private static Feed.P grenoble;
    private static Feed.P parisRemote;
    private static Feed.P parisOnSite;
    private static Feed.P rennes;
    private static Feed.P laval;

    @BeforeEach
    void practitioners() {
        if (lyon != null) {
            return;
        }
        lyon = new Feed.P().speaking("vi").domains("ADDICTION", "MENTAL_HEALTH");
        villefranche = new Feed.P().speaking("vi").in("69264", "8434", "69", "84");
        villefranche.modes = java.util.List.of("VOLUNTEER");
        grenoble = new Feed.P().speaking("vi").in("38185", "8409", "38", "84");
        parisRemote = new Feed.P().speaking("vi").in("75056", "1109", "75", "11").remote();
        parisOnSite = new Feed.P().speaking("vi").in("75056", "1109", "75", "11");
        rennes = new Feed.P().speaking("br").in("35238", "5315", "35", "53");
        laval = new Feed.P().speaking("br").in("53130", "5211", "53", "52");
        for (Feed.P p : new Feed.P[] {lyon, villefranche, grenoble, parisRemote, parisOnSite, rennes, laval}) {
            published(p);
        }
        // Speaking Occitan: remote practitioners inside and outside the areas searched, with their own facets.
        Feed.P rennesRemote = new Feed.P().speaking("oc").in("35238", "5315", "35", "53").remote().domains("CANCER");
        Feed.P lyonRemote = new Feed.P().speaking("oc").remote().domains("ADDICTION", "MENTAL_HEALTH");
        lyonRemote.modes = List.of("VOLUNTEER", "SALARIED");
        lyonRemote.formats = List.of("PEER_GROUP");
        Feed.P rennesOnSite = new Feed.P().speaking("oc").in("35238", "5315", "35", "53");
        for (Feed.P p : new Feed.P[] {rennesRemote, lyonRemote, rennesOnSite}) {
            published(p);
        }
    }

    private static Response search(String... params) {
        var request = given();
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/v1/practitioners");
    }

    @Test
    void resultsComeZoneThenDepartmentThenRegionThenRemoteFromElsewhere() {
        search("area", "ze:8421", "language", "vi").then().statusCode(200)
                .body("items.registryNumber", contains(lyon.registryNumber, villefranche.registryNumber,
                        grenoble.registryNumber, parisRemote.registryNumber))
                .body("items.matchedBy", contains("ZONE", "DEPARTMENT", "REGION", "REMOTE"))
                .body("total", equalTo(4))
                .body("areaHasMatches", equalTo(true))
                .body("widenedTo", nullValue())
                .body("countsByLevel.ZONE", equalTo(1))
                .body("countsByLevel.REMOTE", equalTo(1))
                .body("facets.domains.ADDICTION", equalTo(1))
                .body("facets.domains.MENTAL_HEALTH", equalTo(4))
                .body("facets.modes.VOLUNTEER", equalTo(1))
                .body("facets.formats.PEER_GROUP", equalTo(4));
    }

    @Test
    void anAreaWithNobodySaysItWasWidened() {
        search("area", "ze:8428", "language", "vi").then().statusCode(200)
                .body("areaHasMatches", equalTo(false))
                .body("widenedTo", equalTo("REGION"))
                .body("items.matchedBy", contains("REGION", "REGION", "REGION", "REMOTE"));
        search("area", "dep:2A", "language", "vi").then().statusCode(200)
                .body("widenedTo", equalTo("REMOTE"))
                .body("items.registryNumber", contains(parisRemote.registryNumber));
    }

    @Test
    void filtersNarrowTheResults() {
        search("area", "ze:8421", "language", "vi", "domain", "ADDICTION").then().statusCode(200)
                .body("items.registryNumber", contains(lyon.registryNumber));
        search("area", "ze:8421", "language", "vi", "mode", "VOLUNTEER").then().statusCode(200)
                .body("items.registryNumber", contains(villefranche.registryNumber));
        search("area", "ze:8421", "language", "vi", "remote", "true").then().statusCode(200)
                .body("items.registryNumber", contains(parisRemote.registryNumber));
        search("language", "vi", "appellation", "PAIR_AIDANT", "format", "ONE_TO_ONE").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.matchedBy", not(hasItem("ZONE")));
    }

    @Test
    void pagesAreStable() {
        search("area", "ze:8421", "language", "vi", "size", "2", "page", "1").then().statusCode(200)
                .body("items.registryNumber", contains(grenoble.registryNumber, parisRemote.registryNumber))
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(4));
    }

    @Test
    void region53IsBretagneAndDepartment53IsMayenne() {
        search("area", "reg:53", "language", "br").then().statusCode(200)
                .body("items.registryNumber", contains(rennes.registryNumber))
                .body("items.matchedBy", contains("REGION"));
        search("area", "dep:53", "language", "br").then().statusCode(200)
                .body("items.registryNumber", contains(laval.registryNumber))
                .body("items[0].department.name", equalTo("Mayenne"))
                .body("items.matchedBy", contains("DEPARTMENT"));
        search("area", "53").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("area"));
    }

    @Test
    void wrongParametersAre400ProblemsNamingThem() {
        search("area", "xx:1").then().statusCode(400).body("errors.field", contains("area"));
        search("area", "ze:0000").then().statusCode(400).body("errors.field", contains("area"));
        search("domain", "FOO").then().statusCode(400).body("errors.field", contains("domain[0]"));
        search("mode", "FOO").then().statusCode(400).body("errors.field", contains("mode"));
        search("size", "51").then().statusCode(400).body("errors.field", contains("size"));
        search("remote", "maybe").then().statusCode(400).body("errors.field", contains("remote"));
        // A parameter taken once, given twice: which one counts would be a guess. Domains take several.
        search("area", "ze:8421", "area", "ze:1109").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("area")).body("errors[0].message", containsString("given once"));
        search("area", "ze:8421", "domain", "ADDICTION", "domain", "MENTAL_HEALTH").then().statusCode(200);
    }

    @Test
    void anonymousAnswersArePubliclyCacheableAndRevalidateWith304() {
        Response first = search("area", "ze:8421", "language", "vi");
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60"));
        String etag = first.getHeader("ETag");
        given().header("If-None-Match", etag).queryParam("area", "ze:8421").queryParam("language", "vi")
                .get("/api/v1/practitioners").then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "\"other\"").queryParam("area", "ze:8421").queryParam("language", "vi")
                .get("/api/v1/practitioners").then().statusCode(200);
    }

    /**
     * The counts per level and the facets are those of every page of the search together: the remote
     * practitioners of the area are counted in its levels, the others as REMOTE, each once.
     */
    @Test
    void countsAndFacetsAreThoseOfAllThePagesTogether() {
        String[][] searches = {{"area", "ze:5315", "language", "oc"}, {"area", "ze:8421", "language", "oc"},
            {"area", "reg:53", "language", "oc", "domain", "CANCER"}, {"area", "dep:2A", "language", "oc"},
            {"area", "ze:8421", "language", "oc", "remote", "false"}, {"area", "com:69123", "language", "oc",
                "remote", "true"}, {"area", "ze:1109", "language", "vi"}, {"area", "ze:8421", "language", "vi"},
            {"language", "oc"}, {"area", "dep:2A", "language", "br"}};
        for (String[] criteria : searches) {
            JsonPath first = search(with(criteria, "size", "50")).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = new ArrayList<>();
            for (int page = 0; items.size() < first.getLong("total"); page++) {
                List<Map<String, Object>> pageItems = search(with(criteria, "size", "50", "page", String.valueOf(page)))
                        .then().statusCode(200).extract().jsonPath().getList("items");
                if (pageItems.isEmpty()) {
                    break;
                }
                items.addAll(pageItems);
            }
            String what = String.join(" ", criteria);
            assertEquals(items.size(), first.getLong("total"), what);
            if (criteria[0].equals("area")) {
                assertEquals(tally(items, "matchedBy"), longs(first.getMap("countsByLevel")), what);
            }
            for (String facet : List.of("domains", "modes", "formats")) {
                assertEquals(tally(items, facet), longs(first.getMap("facets." + facet)), what + " " + facet);
            }
        }
    }

    private static String[] with(String[] criteria, String... more) {
        String[] all = java.util.Arrays.copyOf(criteria, criteria.length + more.length);
        System.arraycopy(more, 0, all, criteria.length, more.length);
        return all;
    }

    private static Map<String, Long> tally(List<Map<String, Object>> items, String field) {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> item : items) {
            Object value = item.get(field);
            for (Object one : value instanceof List<?> values ? values : List.of(value)) {
                counts.merge(String.valueOf(one), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> longs(Map<String, Object> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((key, value) -> result.put(key, ((Number) value).longValue()));
        return result;
    }
}
