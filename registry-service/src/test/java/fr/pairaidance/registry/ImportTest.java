package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ImportTest {

    @TestHTTPResource("/api/v1/imports")
    URI imports;

    private static final String HEADER = "given_name,family_name,birth_date,email,phone,commune_code,domains,"
            + "appellations,modes,siret,employer_name,formats,languages,remote\n";

    private static String row(String email, String commune, String siret, String birth) {
        return "Jean,Martin," + birth + "," + email + ",+33601020304," + commune + ",MENTAL_HEALTH|ADDICTION,"
                + "PAIR_AIDANT,SELF_EMPLOYED," + siret + ",,ONE_TO_ONE,fr,oui\n";
    }

    private static JsonPath runImport(String csv) {
        return runImport(csv, "text/csv"); // REST Assured sends it as ISO-8859-1, and says so
    }

    private static JsonPath runImport(String csv, String contentType) {
        return runImport(csv.getBytes(contentType.contains("UTF-8") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1),
                contentType);
    }

    private static JsonPath runImport(byte[] csv, String contentType) {
        String location = given().header("Authorization", AGENT).contentType(contentType).body(csv)
                .post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(240)).until(() -> !"RUNNING".equals(
                given().header("Authorization", AGENT).get(location).then().extract().path("status")));
        return given().header("Authorization", AGENT).get(location).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void goodRowsAreKeptAndBadRowsReportedWithLineAndReason() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String duplicate = "dup-" + tag + "@example.org";
        String csv = HEADER
                + row("a-" + tag + "@example.org", "69123", Fixtures.SIRET, "1980-01-01")   // line 2: good
                + row("b-" + tag + "@example.org", "99999", Fixtures.SIRET, "1980-01-01")   // line 3: bad commune
                + row("c-" + tag + "@example.org", "35238", "73282932000075", "1980-01-01") // line 4: bad SIRET
                + row(duplicate, "75056", Fixtures.SIRET, "1980-01-01")                    // line 5: good
                + row(duplicate, "75056", Fixtures.SIRET, "1980-01-01")                    // line 6: duplicate email
                + row("d-" + tag + "@example.org", "75056", Fixtures.SIRET, "12/01/1980")  // line 7: bad date
                + "only,three,values\n";                                                   // line 8: short row
        JsonPath job = runImport(csv);
        assertEquals("DONE", job.getString("status"));
        assertEquals(7, job.getInt("totalRows"));
        assertEquals(2, job.getInt("importedRows"));
        assertEquals(5, job.getInt("rejectedRows"));
        List<Map<String, Object>> rejections = job.getList("rejections");
        assertTrue(rejections.contains(Map.of("line", 3, "field", "commune_code", "reason", "unknown INSEE commune code '99999'")), rejections.toString());
        assertTrue(rejections.stream().anyMatch(r -> r.get("line").equals(4) && r.get("field").equals("siret")));
        assertTrue(rejections.stream().anyMatch(r -> r.get("line").equals(6) && r.get("field").equals("email")));
        assertTrue(rejections.stream().anyMatch(r -> r.get("line").equals(7) && r.get("field").equals("birth_date")));
        assertTrue(rejections.stream().anyMatch(r -> r.get("line").equals(8) && r.get("field").equals("row")));
        given().header("Authorization", AGENT).queryParam("name", "Martin").queryParam("zone", "1109")
                .queryParam("size", 100).get("/api/v1/practitioners").then()
                .body("items.findAll { it.email == '" + duplicate + "' }.size()", equalTo(1));
    }

    @Test
    void aFileWithAWrongHeaderIsRefusedAsAWhole() {
        JsonPath job = runImport("given_name,surname\nJean,Martin\n");
        assertEquals("FAILED", job.getString("status"));
        List<Map<String, Object>> rejections = job.getList("rejections");
        assertTrue(rejections.stream().anyMatch(r -> r.get("field").equals("surname") && r.get("reason").equals("unknown column")));
        assertTrue(rejections.stream().anyMatch(r -> r.get("field").equals("family_name")));
    }

    @Test
    void tenThousandRowsImportInSeconds() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 10_000; i++) {
            csv.append(row("bulk-" + i + "-" + tag + "@example.org", i % 2 == 0 ? "69123" : "35238", Fixtures.SIRET, "1975-06-01"));
        }
        long start = System.nanoTime();
        JsonPath job = runImport(csv.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(10_000, job.getInt("importedRows"));
        assertEquals(0, job.getInt("rejectedRows"));
        // Reported, not asserted: speed is measured by the benchmarks.
        System.out.printf("Imported 10,000 rows in %d ms%n", millis);
    }

    @Test
    void accentedNamesSurviveTheChunksAFileIsStoredIn() {
        // Chunks of 4 kB in tests: 2-byte characters fall across chunk boundaries in 60 rows of ~190 bytes.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 60; i++) {
            csv.append("Zoé-Hélène,Lefèvre-Bœuf").append(tag).append(",1981-02-03,accent-").append(i).append('-')
                    .append(tag).append("@example.org,+33601020304,69123,MENTAL_HEALTH,PAIR_AIDANT,SELF_EMPLOYED,")
                    .append(Fixtures.SIRET).append(",Maison de santé Saint-Étienne,ONE_TO_ONE,fr,oui\n");
        }
        assertTrue(csv.toString().getBytes(StandardCharsets.UTF_8).length > 3 * 4096);
        JsonPath job = runImport(csv.toString(), "text/csv; charset=UTF-8");
        assertEquals(60, job.getInt("importedRows"), job.getList("rejections").toString());
        given().header("Authorization", AGENT).queryParam("name", "Lefèvre-Bœuf" + tag).queryParam("size", 100)
                .get("/api/v1/practitioners").then().statusCode(200)
                .body("items.size()", equalTo(60))
                .body("items.findAll { it.givenName == 'Zoé-Hélène' }.size()", equalTo(60));
    }

    @Test
    void aStreamedFileOverTheLimitIsRefusedWith413NamingTheBody() throws Exception {
        // No Content-Length (a chunked body): the service counts the bytes as it stores them.
        long limit = 50_331_648; // the upload paths' limit (pairaidance.platform.max-upload-size)
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < limit + 1_000_000 ? 'a' : -1;
            }
        };
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(imports)
                .header("Authorization", AGENT).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, reply.statusCode(), reply.body());
        assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse(""));
        assertEquals("body", JsonPath.from(reply.body()).getString("errors[0].field"));
    }

    @Test
    void aSpreadsheetsUtf8ExportWithAByteOrderMarkIsImported() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] text = (HEADER.replace("\n", "\r\n") + row("bom-" + tag + "@example.org", "69123", Fixtures.SIRET,
                "1980-01-01").replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[text.length + 3];
        csv[0] = (byte) 0xEF;
        csv[1] = (byte) 0xBB;
        csv[2] = (byte) 0xBF;
        System.arraycopy(text, 0, csv, 3, text.length);
        JsonPath job = runImport(csv, "text/csv; charset=UTF-8");
        assertEquals("DONE", job.getString("status"), job.getList("rejections").toString());
        assertEquals(1, job.getInt("importedRows"));
    }

    @Test
    void aControlCharacterRejectsItsRowOnlyAndRejectionsNameTheLineOfTheFile() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER
                + row("ctl-a-" + tag + "@example.org", "69123", Fixtures.SIRET, "1980-01-01")            // line 2
                + "\n"                                                                                     // line 3
                + row("ctl-b-" + tag + "@example.org", "69123", Fixtures.SIRET, "1980-01-01")
                        .replace("Martin", "Mar\u0000tin")                                                  // line 4
                + row("ctl-c-" + tag + "@example.org", "69123", Fixtures.SIRET, "2020-01-01");           // line 5
        JsonPath job = runImport(csv, "text/csv; charset=UTF-8");
        assertEquals("DONE", job.getString("status"));
        assertEquals(1, job.getInt("importedRows"));
        assertEquals(List.of(Map.of("line", 4, "field", "family_name", "reason", "must not contain control characters"),
                Map.of("line", 5, "field", "birth_date", "reason", "the practitioner must be at least 16 years old")),
                job.getList("rejections"));
    }

    @Test
    void aFileThatIsNotInItsCharsetFailsWithAReasonTheAgentCanActOn() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // A Latin-1 file (a spreadsheet's default "CSV" export) announced as UTF-8.
        byte[] latin1 = (HEADER + row("latin-" + tag + "@example.org", "69123", Fixtures.SIRET, "1980-01-01")
                .replace("Jean", "Hélène")).getBytes(StandardCharsets.ISO_8859_1);
        JsonPath job = runImport(latin1, "text/csv; charset=UTF-8");
        assertEquals("FAILED", job.getString("status"));
        assertEquals(0, job.getInt("importedRows"));
        assertTrue(job.getString("rejections[0].reason").contains("save it as UTF-8"), job.getString("rejections"));
        // The same bytes, with their charset named, are imported.
        assertEquals(1, runImport(latin1, "text/csv; charset=ISO-8859-1").getInt("importedRows"));
    }

    /** A workbook with the header and these rows, as a spreadsheet program saves it. */
    private static byte[] workbook(List<List<Object>> rows) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = book.newWorksheet("Praticiens");
        String[] header = HEADER.strip().split(",");
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof java.time.LocalDate day) {
                    sheet.value(r + 1, c, day);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (value instanceof Number n) {
                    sheet.value(r + 1, c, n);
                } else if (value != null) {
                    sheet.value(r + 1, c, value.toString());
                }
            }
        }
        book.finish();
        return out.toByteArray();
    }

    @Test
    void aFrenchExcelCsvWithSemicolonsInWindows1252IsImportedAndItsBrokenRowReported() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = (HEADER.replace("given_name", "Given_Name") + row("fr-a-" + tag + "@example.org", "69123",
                Fixtures.SIRET, "1980-01-01").replace("Jean", "Hélène")
                + row("fr-b-" + tag + "@example.org", "99999", Fixtures.SIRET, "1980-01-01")).replace(",", ";")
                .replace("\n", "\r\n");
        JsonPath job = runImport(csv.getBytes(java.nio.charset.Charset.forName("windows-1252")),
                "text/csv; charset=windows-1252");
        assertEquals("DONE", job.getString("status"), job.getList("rejections").toString());
        assertEquals(1, job.getInt("importedRows"));
        assertEquals(List.of(Map.of("line", 3, "field", "commune_code", "reason", "unknown INSEE commune code '99999'")),
                job.getList("rejections"));
        given().header("Authorization", AGENT).queryParam("name", "Hélène").queryParam("size", 100)
                .get("/api/v1/practitioners").then()
                .body("items.find { it.email == 'fr-a-" + tag + "@example.org' }.givenName", equalTo("Hélène"));
    }

    @Test
    void aFileInAnotherLayoutGetsOneReasonNotOnePerColumn() {
        JsonPath tabs = runImport(HEADER.replace(",", "\t") + "Jean\tMartin\n", "text/csv; charset=UTF-8");
        assertEquals("FAILED", tabs.getString("status"));
        assertEquals(1, tabs.getList("rejections").size(), tabs.getList("rejections").toString());
        assertTrue(tabs.getString("rejections[0].reason").contains("separated by 'tab'"), tabs.getString("rejections"));
        JsonPath noHeader = runImport("Jean,Martin,1980-01-01\n", "text/csv; charset=UTF-8");
        assertEquals(1, noHeader.getList("rejections").size());
        assertTrue(noHeader.getString("rejections[0].reason").contains("the first line is not the header"));
    }

    @Test
    void anXlsxWorkbookIsImportedWithItsDatesAndItsBrokenRowReported() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Object> good = new java.util.ArrayList<>(List.of("Zoé", "Durand", java.time.LocalDate.of(1981, 3, 4),
                "xlsx-a-" + tag + "@example.org", "+33601020304", "69123", "MENTAL_HEALTH", "PAIR_AIDANT",
                "SELF_EMPLOYED", Fixtures.SIRET, "", "ONE_TO_ONE", "fr", "oui"));
        List<Object> broken = new java.util.ArrayList<>(good);
        broken.set(3, "xlsx-b-" + tag + "@example.org");
        broken.set(5, 99999);
        JsonPath job = runImport(workbook(List.of(good, broken)), SpreadsheetFileType.XLSX);
        assertEquals("DONE", job.getString("status"), job.getList("rejections").toString());
        assertEquals(1, job.getInt("importedRows"), job.getList("rejections").toString());
        assertEquals(List.of(Map.of("line", 3, "field", "commune_code", "reason", "unknown INSEE commune code '99999'")),
                job.getList("rejections"));
        given().header("Authorization", AGENT).queryParam("name", "Durand").queryParam("size", 100)
                .get("/api/v1/practitioners").then()
                .body("items.find { it.email == 'xlsx-a-" + tag + "@example.org' }.birthDate", equalTo("1981-03-04"));
        given().header("Authorization", AGENT).contentType(SpreadsheetFileType.XLSX).body("not a workbook".getBytes())
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json");
    }

    /** The XLSX media type, as a client names it. */
    private static final class SpreadsheetFileType {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Test
    void oneFileOfAHundredThousandRowsIsImportedThroughTheApi() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            csv.append(row("big-" + i + "-" + tag + "@example.org", i % 2 == 0 ? "69123" : "35238", Fixtures.SIRET,
                    "1975-06-01"));
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 12_582_912, "the file is over the other bodies' limit: " + body.length);
        long started = System.nanoTime();
        JsonPath job = runImport(body, "text/csv; charset=UTF-8");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[import] 100 000 rows (%d bytes) imported in %.1f s%n", body.length, millis / 1000.0);
        assertEquals("DONE", job.getString("status"), String.valueOf(job.getList("rejections")));
        assertEquals(100_000, job.getInt("importedRows"));
    }

    @Test
    void anEmptyFileIsABadRequest() {
        given().header("Authorization", AGENT).contentType("text/csv").body("")
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json");
    }
}
