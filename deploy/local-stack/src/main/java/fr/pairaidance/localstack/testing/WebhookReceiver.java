package fr.pairaidance.localstack.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint for tests, on 127.0.0.1 and a free port (the JDK's HTTP server): it records every
 * request (path, headers with lower-case names, body, arrival time) and answers each path with the statuses it was told,
 * in order, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request received, and the status it was answered with. */
    public record Received(String path, Map<String, List<String>> headers, String body, int answeredWith,
            Instant at) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A status to answer with, and an optional Retry-After. */
    public record Answer(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the webhook receiver", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    /** The URL of a path of this receiver, e.g. {@code http://127.0.0.1:41234/hooks/a}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to the path get these statuses, one each, in order; later ones get the default. */
    public WebhookReceiver answerNext(String path, int... statuses) {
        Deque<Answer> answers = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (answers) {
            for (int status : statuses) {
                answers.add(new Answer(status, null));
            }
        }
        return this;
    }

    /** The next request to the path gets this status and Retry-After header. */
    public WebhookReceiver answerNext(String path, int status, String retryAfter) {
        Deque<Answer> answers = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (answers) {
            answers.add(new Answer(status, retryAfter));
        }
        return this;
    }

    /** Every request to the path gets this answer once the scripted ones are used (200 unless told). */
    public WebhookReceiver answerAlways(String path, int status, String retryAfter) {
        always.put(path, new Answer(status, retryAfter));
        return this;
    }

    /** Every request received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests received on one path, in order. */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        Answer answer = next(path);
        received.add(new Received(path, Map.copyOf(headers), body, answer.status(), Instant.now()));
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        byte[] reply = ("answered " + answer.status()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    private Answer next(String path) {
        Deque<Answer> answers = scripted.get(path);
        if (answers != null) {
            synchronized (answers) {
                Answer next = answers.poll();
                if (next != null) {
                    return next;
                }
            }
        }
        return always.getOrDefault(path, new Answer(200, null));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
