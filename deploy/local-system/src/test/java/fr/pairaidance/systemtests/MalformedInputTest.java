package fr.pairaidance.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the three OpenAPI documents driven with generated malformed input: no answer
 * may be a 5xx, and every 4xx must be an RFC 9457 problem.
 */
@ExtendWith(SystemUnderTest.Extension.class)
@org.junit.jupiter.api.Order(4)
class MalformedInputTest {

    private static final List<String> BAD_VALUES = List.of("", " ", "abc", "-1", "0", "-99999999999",
            "99999999999999999999999", "1.5e308", "NaN", "true", "null", "' OR '1'='1' --", "\"; DROP TABLE practitioner; --",
            "<script>alert(1)</script>", "../../etc/passwd", "%00", "ze:", "dep:", "reg:99", "com:99999", "ze:1109;dep:75",
            "x".repeat(5000), "é€😀", "{\"$ne\":null}", "${jndi:ldap://127.0.0.1/a}", "\u0000\u0001", "[]", "{}");

    private static final List<String> BAD_BODIES = List.of("", "not json", "{", "[]", "null", "42", "\"text\"",
            "{\"unknownField\":1}", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
            "{\"email\":123,\"domains\":\"MENTAL_HEALTH\",\"birthDate\":[],\"remote\":\"maybe\"}",
            "{\"givenName\":\"" + "A".repeat(100_000) + "\"}",
            "{\"scope\":{\"domains\":[null,1,{}]},\"reason\":" + "1e999" + "}",
            "{\"workforce\":[{\"ageBand\":-1,\"count\":-5}],\"registryNumber\":\"' OR 1=1\",\"bestMatches\":100000}");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();

    record Operation(String service, String method, String path, List<String> queryParams) {
    }

    private List<Operation> operations(String service) throws Exception {
        JsonNode doc = mapper.readTree(given().baseUri(SystemUnderTest.get().serviceUrl(service))
                .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                method.getValue().path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                });
                operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), query));
            }
        }
        return operations;
    }

    private static String token(String service, int i) {
        List<String> tokens = switch (service) {
            case "registry-service" -> List.of(KeycloakTokens.agency(), KeycloakTokens.user("dominique"));
            case "labelling-service" -> List.of(KeycloakTokens.user("raphael"), KeycloakTokens.user("dominique"));
            default -> List.of(KeycloakTokens.user("eric"), KeycloakTokens.jobPortal(), KeycloakTokens.user("dominique"));
        };
        return tokens.get(i % tokens.size());
    }

    private void send(Operation op, String path, Map<String, String> query, String contentType, byte[] body, int i) {
        RequestSpecification request = given().baseUri(SystemUnderTest.get().serviceUrl(op.service()))
                .urlEncodingEnabled(false).header("Authorization", "Bearer " + token(op.service(), i));
        StringBuilder uri = new StringBuilder(path);
        if (!query.isEmpty()) {
            uri.append('?');
            query.forEach((k, v) -> uri.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        }
        if (body != null) {
            request.contentType(contentType).body(body);
        }
        Response response = request.request(op.method(), uri.toString());
        sent.incrementAndGet();
        int status = response.statusCode();
        byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0];
        if (status >= 500) {
            failures.add(status + " on " + op.method() + " " + uri.substring(0, Math.min(uri.length(), 200)));
        } else if (status >= 400 && !type.equals("application/problem+json")) {
            failures.add(status + " without problem+json (" + type + ") on " + op.method() + " "
                    + uri.substring(0, Math.min(uri.length(), 200)));
        }
    }

    private void drive(Operation op) {
        String uuid = java.util.UUID.randomUUID().toString();
        List<String> pathVariants = new ArrayList<>();
        String basePath = op.path().replaceAll("\\{[^}]+}", uuid);
        pathVariants.add(basePath);
        if (op.path().contains("{")) {
            for (String bad : BAD_VALUES) {
                String encoded = URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20");
                pathVariants.add(op.path().replaceAll("\\{[^}]+}", encoded.isEmpty() ? "%20" : encoded));
            }
        }
        int i = 0;
        for (String path : pathVariants) {
            boolean hasBody = op.method().equals("POST") || op.method().equals("PUT");
            if (!op.queryParams().isEmpty()) {
                for (String param : op.queryParams()) {
                    for (String bad : BAD_VALUES) {
                        send(op, path, Map.of(param, bad), "application/json", hasBody ? "{}".getBytes() : null, i++);
                    }
                }
            } else {
                send(op, path, Map.of("unexpected", "' OR 1=1"), "application/json", hasBody ? "{}".getBytes() : null, i++);
            }
            if (hasBody) {
                for (String body : BAD_BODIES) {
                    send(op, path, Map.of(), "application/json", body.getBytes(StandardCharsets.UTF_8), i++);
                }
                send(op, path, Map.of(), "application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, i++);
                send(op, path, Map.of(), "application/xml", "<a/>".getBytes(), i++);
                send(op, path, Map.of(), "text/plain", "hello".getBytes(), i++);
                send(op, path, Map.of(), "application/json; charset=ebcdic", "{}".getBytes(), i++);
            }
        }
    }

    @Test
    void tenThousandMalformedRequestsGetNo5xxAndOnlyProblems() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (String service : List.of("registry-service", "labelling-service", "orientation-service")) {
            operations.addAll(operations(service));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int rounds = 0;
        while (sent.get() < 10_000 && rounds < 20) {
            rounds++;
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Operation op : operations) {
                done.add(pool.submit(() -> drive(op)));
            }
            for (var f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        }
        pool.shutdownNow();
        System.out.printf("Malformed input: %d operations, %d requests, answers by status %s%n",
                operations.size(), sent.get(), new TreeMap<>(byStatus));
        assertTrue(sent.get() >= 10_000, "sent " + sent.get());
        assertEquals(List.of(), failures.stream().distinct().limit(30).toList());
    }

    /**
     * A body announced over the 12 MB limit is refused before it is read: 413 problem+json on every
     * service. Sent on a plain socket: an HTTP client library would wait for {@code 100 Continue}.
     */
    @Test
    void bodiesOverTheLimitGet413Problems() throws Exception {
        Map<String, String> writes = Map.of("registry-service", "/api/v1/practitioners",
                "labelling-service", "/api/v1/applications", "orientation-service", "/api/v1/requests");
        for (Map.Entry<String, String> write : writes.entrySet()) {
            URI base = URI.create(SystemUnderTest.get().serviceUrl(write.getKey()));
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                String head = "POST " + write.getValue() + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Authorization: Bearer " + KeycloakTokens.agency() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + 13_000_000 + "\r\n\r\n{\"a\":\"";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String answer = readAnswer(socket.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 413"), write.getKey() + " answered " + answer);
                assertTrue(answer.contains("application/problem+json"), write.getKey() + " answered " + answer);
                assertTrue(answer.contains("\"status\":413"), write.getKey() + " answered " + answer);
            }
        }
    }

    /**
     * The same limit for a body streamed without Content-Length (chunked): each service stops reading it
     * after 12 MB and answers the 413 problem naming {@code body}, as it does for an announced size.
     */
    @Test
    void streamedBodiesOverTheLimitGet413Problems() throws Exception {
        // Endpoints the agency may call (the role is checked before the body is read): orientation's
        // self-diagnosis is open to anyone.
        Map<String, String> writes = Map.of("registry-service", "/api/v1/practitioners",
                "labelling-service", "/api/v1/applications", "orientation-service", "/api/v1/self-diagnosis");
        HttpClient client = HttpClient.newHttpClient();
        for (Map.Entry<String, String> write : writes.entrySet()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create(SystemUnderTest.get().serviceUrl(write.getKey()) + write.getValue()))
                    .header("Authorization", "Bearer " + KeycloakTokens.agency())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> jsonOf(13_000_000))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode(), write.getKey() + " answered " + answer.body());
            assertEquals("body", mapper.readTree(answer.body()).at("/errors/0/field").asText(),
                    write.getKey() + " answered " + answer.body());
        }
    }

    /** {"a":"aaa…"} of about the given size, produced as it is read (its size is not announced). */
    private static InputStream jsonOf(long bytes) {
        byte[] start = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                long i = sent++;
                return i < start.length ? start[(int) i] : i < bytes ? 'a' : i == bytes ? '"' : i == bytes + 1 ? '}' : -1;
            }
        };
    }

    /** One HTTP/1.1 answer: its head, then as many bytes of body as its Content-Length says. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        while (!answer.toString().contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return answer.toString();
            }
            answer.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(answer);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return answer + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
}
