package fr.pairaidance.registry;

import static fr.pairaidance.registry.Fixtures.AGENT;
import static fr.pairaidance.registry.Fixtures.practitioner;
import static fr.pairaidance.registry.Fixtures.register;
import static fr.pairaidance.registry.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bad input gets an RFC 9457 problem naming the field, never a 500. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ValidationProblemsTest {

    static List<Arguments> badFields() {
        return List.of(
                Arguments.of("communeCode", "99999", "communeCode"),
                Arguments.of("communeCode", "Lyon", "communeCode"),
                Arguments.of("siret", "73282932000075", "siret"),
                Arguments.of("siret", "1234", "siret"),
                Arguments.of("domains", List.of("MENTAL_HEALTH", "ASTROLOGY"), "domains[1]"),
                Arguments.of("appellations", List.of("GURU"), "appellations[0]"),
                Arguments.of("languages", List.of("klingon"), "languages[0]"),
                Arguments.of("email", "not-an-email", "email"),
                Arguments.of("phone", "0612345678", "phone"),
                Arguments.of("birthDate", LocalDate.now().plusDays(3).toString(), "birthDate"),
                Arguments.of("givenName", "", "givenName"),
                Arguments.of("givenName", "Je\u0000an", "givenName"),   // PostgreSQL refuses NUL: a 400, not a 500
                Arguments.of("familyName", "Q\u0007a\u001b[31m", "familyName"),
                Arguments.of("familyName", "Martin\nDupont", "familyName"),
                Arguments.of("givenName", "\u00a0", "givenName"),        // a no-break space is not a name
                Arguments.of("givenName", "\u200b", "givenName"),        // nor is a zero-width space
                Arguments.of("remote", "true", "remote"),                 // a text is not a boolean
                Arguments.of("givenName", 42, "givenName"),               // nor a number a text
                Arguments.of("domains", List.of(), "domains"));
    }

    @ParameterizedTest
    @MethodSource("badFields")
    void aBadFieldIsNamedInTheProblem(String field, Object value, String expectedField) {
        Map<String, Object> body = practitioner(uniqueEmail());
        body.put(field, value);
        register(AGENT, body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("urn:pairaidance:problem:"))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem(expectedField));
    }

    @Test
    void aSelfEmployedPractitionerNeedsASiretAndASalariedOneAnEmployer() {
        Map<String, Object> body = practitioner(uniqueEmail());
        body.remove("siret");
        body.put("modes", List.of("SELF_EMPLOYED", "SALARIED"));
        register(AGENT, body).statusCode(400).body("errors.field", hasItem("siret"))
                .body("errors.field", hasItem("employerName"));
    }

    @Test
    void everyFaultOfARecordIsNamedInOneAnswer() {
        String taken = uniqueEmail();
        register(AGENT, practitioner(taken)).statusCode(201);
        Map<String, Object> body = practitioner(taken);
        body.put("phone", "0612345678");           // format (Bean Validation)
        body.put("communeCode", "99999");          // unknown commune (rules)
        body.put("domains", List.of("ASTROLOGY")); // unknown code (rules)
        body.put("modes", List.of("SALARIED"));    // needs an employer (rules)
        register(AGENT, body).statusCode(400)
                .body("errors.field", containsInAnyOrder("phone", "communeCode", "domains[0]", "employerName", "email"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .body("{\"givenName\":\"A\",\"birthDate\":\"yesterday\"}").post("/api/v1/practitioners")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("birthDate"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        Map<String, Object> body = practitioner(uniqueEmail());
        body.put("favouriteColour", "blue");
        register(AGENT, body).statusCode(400).body("errors.field", hasItem("favouriteColour"));
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body("{\"givenName\": ")
                .post("/api/v1/practitioners").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:pairaidance:problem:malformed-body"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aMissingBodyIsAProblem() {
        given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .post("/api/v1/practitioners").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void aWrongMediaTypeIs415Problem() {
        given().header("Authorization", AGENT).contentType("application/xml").body("<p/>")
                .post("/api/v1/practitioners").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anUnknownRouteIs404Problem() {
        given().header("Authorization", AGENT).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownPractitionerIs404Problem() {
        given().header("Authorization", AGENT).get("/api/v1/practitioners/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:pairaidance:problem:not-found"));
    }

    @Test
    void aWrongMethodIs405Problem() {
        given().header("Authorization", AGENT).delete("/api/v1/practitioners").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void controlCharactersInAQueryParameterAreAProblemNamingIt() {
        given().header("Authorization", AGENT).urlEncodingEnabled(false).get("/api/v1/practitioners?name=%00abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
    }

    @Test
    void controlCharactersInThePathAreAProblem() {
        given().header("Authorization", AGENT).urlEncodingEnabled(false).get("/api/v1/practitioners/%00%01")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("path"));
    }

    @Test
    void aBodyInAnUnknownCharsetIsAProblem() {
        given().header("Authorization", AGENT).contentType("application/json; charset=ebcdic-x").body("{}".getBytes())
                .post("/api/v1/practitioners").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(415)))
                .contentType("application/problem+json");
    }

    @Test
    void everyAnswerCarriesACorrelationId() {
        given().header("X-Correlation-Id", "abc-123").get("/api/v1/vocabularies").then()
                .header("X-Correlation-Id", "abc-123");
    }

    @Test
    void aStreamedBodyOverTheLimitIsA413ProblemNamingTheBody() throws Exception {
        // No Content-Length (chunked): refused once 12 MB are read, like an announced size over the limit, and
        // not logged as a failure of the service (the HTTP layer and the problem mappers log no error).
        long limit = 12_582_912;
        byte[] start = "{\"givenName\": \"".getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                long i = sent++;
                return i < start.length ? start[(int) i] : i < limit + 1_000_000 ? 'a' : -1;
            }
        };
        Logger root = Logger.getLogger("");
        List<LogRecord> severe = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = String.valueOf(record.getLoggerName());
                if (record.getLevel().intValue() >= Level.SEVERE.intValue() && (logger.startsWith("fr.pairaidance")
                        || logger.startsWith("io.quarkus.vertx.http") || logger.startsWith("org.jboss.resteasy"))) {
                    severe.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + "/api/v1/practitioners"))
                    .header("Authorization", AGENT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, reply.statusCode(), reply.body());
            assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse(""));
            assertEquals("body", JsonPath.from(reply.body()).getString("errors[0].field"));
            // The service still answers on a new connection, and logged no error for the client's fault.
            given().get("/api/v1/vocabularies").then().statusCode(200);
            assertEquals(List.of(), severe.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        } finally {
            root.removeHandler(handler);
        }
    }

    @Test
    void aClientThatHangsUpWhileSendingItsBodyIsNotLoggedAsAnError() throws Exception {
        Logger mappers = Logger.getLogger("fr.pairaidance.platform.problem.ProblemMappers");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = mappers.getLevel();
        mappers.setLevel(Level.FINE);
        mappers.addHandler(handler);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/practitioners HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AGENT
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // The service asks for the body once the caller is authenticated and the resource reads it; hanging
            // up before that would end the exchange before any code of ours runs.
            String interim = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 100 Continue", interim);
            socket.getOutputStream().write("{\"firstName\": \"Cam".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // Hung up long before the 5 000 announced bytes.
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> records.stream()
                    .anyMatch(r -> String.valueOf(r.getMessage()).contains("Client gone")
                            || r.getLevel().intValue() >= Level.SEVERE.intValue()));
            assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()));
        } finally {
            mappers.removeHandler(handler);
            mappers.setLevel(level);
        }
    }
}
