package fr.pairaidance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The harness's own HTTP calls (loading data, tokens); the measured load comes from wrk. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** A response: status, body, ETag and Location. */
    record Reply(int status, String body, String etag, String location) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + abbreviate(body));
            }
        }

        boolean ok() {
            return status / 100 == 2;
        }

        Reply require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + abbreviate(body));
            }
            return this;
        }
    }

    private Http() {
    }

    static Reply get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        return send(auth(b, token));
    }

    static Reply send(String method, String url, String token, String contentType, String body,
            Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(auth(b, token));
    }

    /**
     * One POST without a body and without retry, for a call that must not run twice (a rebuild): a retry
     * after a timeout would start a second one while the first still runs on the server.
     */
    static Reply postOnce(String url, String token, Duration timeout) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(timeout);
        try {
            HttpResponse<String> r = CLIENT.send(auth(b, token).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Reply postJson(String url, String token, Object body, Map<String, String> headers) {
        return send("POST", url, token, "application/json", write(body), headers);
    }

    static Reply postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", url, null, "application/x-www-form-urlencoded", body, Map.of());
    }

    static int status(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder request) {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Reply(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null),
                        r.headers().firstValue("Location").orElse(null));
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("HTTP call failed: " + last, last);
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
