package fr.pairaidance.orientation;

import static fr.pairaidance.orientation.Feed.published;
import static fr.pairaidance.orientation.Feed.registry;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The published offer in the data·inclusion schema v1: every item of the pages and of the downloads is
 * valid against the schema's JSON Schemas (shared/reference-data/data-inclusion-v1, v1.0.8), holds only
 * what the practitioner consented to publish, and follows consent changes and withdrawals.
 */
@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class DataInclusionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/data-inclusion/";
    private static final JsonSchema SERVICE = schema("service.json");
    private static final JsonSchema STRUCTURE = schema("structure.json");

    /** The schema's JSON Schemas, a copy of shared/reference-data/data-inclusion-v1 in the test resources. */
    private static JsonSchema schema(String name) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = DataInclusionTest.class.getResourceAsStream("/data-inclusion-v1/" + name)) {
            assertNotNull(in, "data-inclusion-v1/" + name + " in the test resources");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertValid(JsonSchema schema, List<JsonNode> items) {
        for (JsonNode item : items) {
            Set<ValidationMessage> errors = schema.validate(item);
            assertTrue(errors.isEmpty(), item.path("id").asText() + ": " + errors);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every item of a paged endpoint, page after page, checking the page arithmetic on the way. */
    private static List<JsonNode> allPages(String resource, int size) {
        List<JsonNode> items = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            JsonNode body = parse(given().queryParam("page", page).queryParam("size", size).get(BASE + resource)
                    .then().statusCode(200).contentType("application/json").extract().asString());
            long total = body.get("total").asLong();
            pages = body.get("pages").asInt();
            assertEquals((total + size - 1) / size, pages);
            assertEquals(page, body.get("page").asInt());
            assertEquals(size, body.get("size").asInt());
            body.get("items").forEach(items::add);
            assertEquals(Math.max(0, Math.min(size, total - (long) (page - 1) * size)), body.get("items").size());
        }
        return items;
    }

    /** Every line of a JSON lines download. */
    private static List<JsonNode> download(String file) {
        Response response = given().get(BASE + file);
        response.then().statusCode(200).contentType(startsWith("application/jsonl"))
                .header("Content-Disposition", containsString(".jsonl"))
                .header("Cache-Control", equalTo("public, max-age=300"));
        String body = response.asString();
        assertTrue(body.isEmpty() || body.endsWith("\n"));
        return body.lines().map(DataInclusionTest::parse).toList();
    }

    private static JsonNode serviceOf(Feed.P p, List<JsonNode> services) {
        return services.stream().filter(s -> s.get("id").asText().equals("pairaidance--" + p.registryNumber))
                .findFirst().orElse(null);
    }

    private static JsonNode exportedService(Feed.P p) {
        return serviceOf(p, allPages("services", 1000));
    }

    private static JsonNode structureOf(String id, List<JsonNode> structures) {
        return structures.stream().filter(s -> s.get("id").asText().equals(id)).findFirst().orElse(null);
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? null : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void everyExportedItemIsValidAgainstTheSchemasAndHoldsOnlyWhatWasPublished() {
        Feed.P lyon = Feed.lyon("fsl");
        lyon.domains = List.of("MENTAL_HEALTH", "PHYSICAL_DISABILITY", "SENSORY_DISABILITY", "CHRONIC_ILLNESS",
                "CANCER", "ADDICTION", "FAMILY_CAREGIVING", "BEREAVEMENT", "SEPARATION_DIVORCE", "OVER_INDEBTEDNESS",
                "EATING_DISORDERS", "NEURODIVERSITY", "HOMELESSNESS");
        published(lyon);
        // Not in Corsica, whose practitioners IndicatorTest counts.
        Feed.P marseille = published(Feed.marseille("de").remote());
        Feed.P guadeloupe = new Feed.P().in("97120", "0104", "971", "01").speaking("de");
        guadeloupe.domains = List.of("BEREAVEMENT");
        guadeloupe.appellations = List.of("MEDIATEUR_SANTE_PAIR");
        published(guadeloupe);

        List<JsonNode> services = allPages("services", 2);
        List<JsonNode> structures = allPages("structures", 1);
        assertValid(SERVICE, services);
        assertValid(STRUCTURE, structures);
        List<JsonNode> servicesDownloaded = download("services.jsonl");
        List<JsonNode> structuresDownloaded = download("structures.jsonl");
        assertValid(SERVICE, servicesDownloaded);
        assertValid(STRUCTURE, structuresDownloaded);
        assertEquals(services, servicesDownloaded);
        assertEquals(structures, structuresDownloaded);
        Set<String> structureIds = new TreeSet<>();
        structures.forEach(s -> structureIds.add(s.get("id").asText()));
        services.forEach(s -> assertTrue(structureIds.contains(s.get("structure_id").asText()), s.toString()));

        JsonNode s = serviceOf(lyon, services);
        assertEquals("pairaidance", s.get("source").asText());
        assertEquals("pairaidance--region-84", s.get("structure_id").asText());
        assertEquals("Pair-aidant – Lyon", s.get("nom").asText());
        assertEquals("accompagnement", s.get("type").asText());
        assertEquals(List.of("difficultes-financieres--situation-dendettement-surendettement",
                "famille--soutien-aidants", "famille--surmonter-conflits-separation-violence", "sante--acces-aux-soins",
                "sante--addictions", "sante--sante-mentale"), texts(s.get("thematiques")));
        assertEquals(List.of("tous-publics"), texts(s.get("publics")));
        assertEquals(List.of("en-presentiel"), texts(s.get("modes_accueil")));
        assertEquals(List.of("01", "38", "69"), texts(s.get("zone_eligibilite"))); // zone of Lyon straddles them
        assertEquals("69123", s.get("code_insee").asText());
        assertEquals("Lyon", s.get("commune").asText());
        assertEquals(List.of("utiliser-lien-mobilisation"), texts(s.get("modes_mobilisation")));
        assertEquals("http://localhost:8083/practitioners/" + lyon.registryNumber, s.get("lien_mobilisation").asText());
        assertEquals(List.of("professionnels"), texts(s.get("mobilisable_par")));
        assertTrue(s.get("description").asText().contains("Santé mentale"));
        assertTrue(s.get("description").asText().contains(lyon.labelNumber));
        assertFalse(s.has("courriel") || s.has("telephone") || s.has("contact_nom_prenom"));
        assertFalse(s.toString().contains(lyon.email) || s.toString().contains(lyon.phone)
                || s.toString().contains(lyon.publicName));

        JsonNode remote = serviceOf(marseille, services);
        assertEquals(List.of("en-presentiel", "a-distance"), texts(remote.get("modes_accueil")));
        assertEquals(List.of("france"), texts(remote.get("zone_eligibilite")));
        assertEquals("pairaidance--region-93", remote.get("structure_id").asText());

        JsonNode overseas = serviceOf(guadeloupe, services);
        assertEquals(List.of("971"), texts(overseas.get("zone_eligibilite")));
        assertEquals("Médiateur de santé-pair – Région Pointoise", overseas.get("nom").asText());
        assertFalse(overseas.has("thematiques")); // bereavement has no thématique of its own

        JsonNode region = structures.stream().filter(r -> r.get("id").asText().equals("pairaidance--region-84"))
                .findFirst().orElseThrow();
        assertEquals("Plateforme pair-aidance Auvergne-Rhône-Alpes", region.get("nom").asText()); // its operator
        assertEquals("contact-ara@example.org", region.get("courriel").asText());
        JsonNode provence = structureOf("pairaidance--region-93", structures);
        assertEquals("Plateforme pair-aidance Provence-Alpes-Côte d'Azur", provence.get("nom").asText());
        assertEquals("http://localhost:8083/regions/93", provence.get("lien_source").asText());
    }

    @Test
    void revokingAConsentRemovesTheFieldFromTheNextExport() {
        Feed.P p = published(Feed.lyon("fsl"));
        JsonNode before = exportedService(p);
        assertEquals(List.of("sante--sante-mentale"), texts(before.get("thematiques")));
        assertTrue(before.get("description").asText().contains("Santé mentale"));
        assertEquals("69123", before.get("code_insee").asText());
        assertEquals(before, serviceOf(p, download("services.jsonl")));

        p.publishDomains = false;
        p.commune = null;
        registry(p, Feed.CONSENTS_CHANGED);
        await().atMost(Duration.ofSeconds(30)).until(() -> !exportedService(p).has("thematiques"));
        JsonNode after = exportedService(p);
        assertFalse(after.get("description").asText().contains("Santé mentale"));
        assertFalse(after.has("code_insee") || after.has("commune"));
        assertValid(SERVICE, List.of(after));
        JsonNode downloaded = serviceOf(p, download("services.jsonl"));
        assertFalse(downloaded.has("thematiques") || downloaded.has("code_insee"));
        assertFalse(downloaded.toString().contains("Santé mentale"));
    }

    @Test
    void aPublishedOrganisationIsTheStructureOfTheServiceAndColleaguesShareTheirEmployers() {
        // In places no other test counts (Bordeaux, Lille, Marseille).
        String siret = Feed.siret();
        Feed.P self = published(Feed.bordeaux("fsl").selfEmployed(siret));
        String employer = "Association Entraide " + UUID.randomUUID().toString().substring(0, 8);
        Feed.P colleague = published(new Feed.P().in("59350", "3216", "59", "32").speaking("fsl")
                .salaried(employer));
        Feed.P elsewhere = published(Feed.marseille("fsl").salaried(employer.toUpperCase().replace(" ", "  ")));
        Feed.P regional = published(Feed.bordeaux("fsl"));

        List<JsonNode> services = allPages("services", 1000);
        List<JsonNode> structures = allPages("structures", 2);
        assertValid(SERVICE, services);
        assertValid(STRUCTURE, structures);
        assertEquals(structures, download("structures.jsonl"));
        Set<String> structureIds = new TreeSet<>();
        structures.forEach(s -> structureIds.add(s.get("id").asText()));
        assertEquals(structures.size(), structureIds.size(), "each structure once");
        services.forEach(s -> assertTrue(structureIds.contains(s.get("structure_id").asText()), s.toString()));

        assertEquals("pairaidance--siret-" + siret, serviceOf(self, services).get("structure_id").asText());
        JsonNode own = structureOf("pairaidance--siret-" + siret, structures);
        assertEquals(siret, own.get("siret").asText());
        assertEquals("Pair-aidant en libéral – Bordeaux", own.get("nom").asText());
        assertEquals("http://localhost:8083/practitioners/" + self.registryNumber, own.get("lien_source").asText());
        assertFalse(own.toString().contains(self.publicName) || own.toString().contains(self.email)
                || own.toString().contains("Santé mentale"), own.toString());

        String employerId = serviceOf(colleague, services).get("structure_id").asText();
        assertTrue(employerId.matches("pairaidance--employeur-[0-9a-f]{16}"), employerId);
        assertEquals(employerId, serviceOf(elsewhere, services).get("structure_id").asText());
        JsonNode employerStructure = structureOf(employerId, structures);
        assertEquals(employer, employerStructure.get("nom").asText()); // as its first practitioner writes it
        assertFalse(employerStructure.has("siret") || employerStructure.toString().contains(colleague.publicName));

        assertEquals("pairaidance--region-75", serviceOf(regional, services).get("structure_id").asText());
    }

    @Test
    void revokingTheOrganisationConsentMovesTheServiceBackToTheRegionalStructure() {
        String siret = Feed.siret();
        Feed.P p = published(Feed.marseille("fsl").selfEmployed(siret));
        String own = "pairaidance--siret-" + siret;
        assertEquals(own, exportedService(p).get("structure_id").asText());
        assertNotNull(structureOf(own, allPages("structures", 1000)));
        assertNotNull(structureOf(own, download("structures.jsonl")));

        p.publishOrganisation = false;
        registry(p, Feed.CONSENTS_CHANGED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> exportedService(p).get("structure_id").asText().equals("pairaidance--region-93"));
        List<JsonNode> structures = allPages("structures", 1000);
        assertNull(structureOf(own, structures));
        assertNotNull(structureOf("pairaidance--region-93", structures));
        assertFalse(download("structures.jsonl").toString().contains(siret));
        assertFalse(download("services.jsonl").toString().contains(siret));
    }

    @Test
    void aWithdrawalRemovesTheService() {
        Feed.P p = published(Feed.lyon("fsl"));
        assertNotNull(exportedService(p));
        assertNotNull(serviceOf(p, download("services.jsonl")));
        Feed.withdrawFromRegistry(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> exportedService(p) == null);
        assertNull(serviceOf(p, download("services.jsonl")));
    }

    @Test
    void pageAndSizeAreCheckedAndPagesBeyondTheLastAreEmpty() {
        for (String resource : List.of("services", "structures")) {
            given().queryParam("page", "0").get(BASE + resource).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("page"));
            given().queryParam("page", "one").get(BASE + resource).then().statusCode(400)
                    .body("errors.field", contains("page"));
            given().queryParam("size", "0").get(BASE + resource).then().statusCode(400)
                    .body("errors.field", contains("size"));
            given().queryParam("size", "1001").get(BASE + resource).then().statusCode(400)
                    .body("errors.field", contains("size"));
            given().queryParam("page", "1").queryParam("page", "2").get(BASE + resource).then().statusCode(400)
                    .body("errors.field", contains("page"));
            given().get(BASE + resource).then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(100));
            given().queryParam("page", "1000000").get(BASE + resource).then().statusCode(200)
                    .body("items", empty());
        }
    }

    @Test
    void pagesRevalidateWith304() {
        published(Feed.lyon("fsl"));
        Response first = given().get(BASE + "services");
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=300"));
        String etag = first.getHeader("ETag");
        given().header("If-None-Match", etag).get(BASE + "services").then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "\"other\"").get(BASE + "services").then().statusCode(200);
    }
}
