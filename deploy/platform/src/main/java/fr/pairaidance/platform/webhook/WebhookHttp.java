package fr.pairaidance.platform.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One attempt of one delivery over HTTP: the endpoint's host is resolved and every address checked
 * ({@link WebhookAddressGuard}) before any socket is opened, then the request goes to the checked address
 * while the URL's host stays in the Host header, the TLS server name and the certificate check. No redirect
 * is followed; only the first bytes of the response are read.
 */
@ApplicationScoped
public class WebhookHttp {

    /** Bytes of the response body kept for the delivery log. */
    static final int EXCERPT_BYTES = 512;
    /** Bytes of a response body read at most; a longer body is cut (the status is what counts). */
    static final int MAX_READ_BYTES = 64 * 1024;
    static final String USER_AGENT = "pairaidance-webhooks/1";

    private final Vertx vertx;
    private final WebhookConfig config;
    private final WebhookAddressGuard guard;
    private volatile HttpClient byName;
    private volatile HttpClient byAddress;

    WebhookHttp(Vertx vertx, WebhookConfig config, WebhookAddressGuard guard) {
        this.vertx = vertx;
        this.config = config;
        this.guard = guard;
    }

    /** Sends the attempt and waits for its outcome, at most the configured timeout (plus the lookup). */
    public WebhookQueue.Outcome send(WebhookQueue.Attempt attempt) {
        WebhookAddressGuard.Target target;
        List<InetAddress> addresses;
        try {
            target = guard.parse(attempt.url());
            addresses = guard.resolve(target.host());
        } catch (WebhookAddressGuard.Refused refused) {
            return new WebhookQueue.Outcome(0, "url " + refused.getMessage(), Optional.empty());
        }
        long timestamp = WebhookQueue.DELIVERY_CLOCK.instant().getEpochSecond();
        String signature = WebhookSigner.signature(attempt.secrets(), attempt.eventId(), timestamp, attempt.payload());
        long timeoutMillis = config.timeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(addresses.get(0), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", attempt.eventId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        CompletableFuture<WebhookQueue.Outcome> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client(isAddressLiteral(target.host())).request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send(Buffer.buffer(attempt.payload(), StandardCharsets.UTF_8.name()));
                })
                .onSuccess(response -> read(response, outcome))
                .onFailure(failure -> outcome.complete(new WebhookQueue.Outcome(0, describe(failure), Optional.empty())));
        try {
            return outcome.get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            return new WebhookQueue.Outcome(0, "no answer within " + config.timeout(), Optional.empty());
        } catch (ExecutionException e) {
            return new WebhookQueue.Outcome(0, describe(e.getCause()), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookQueue.Outcome(0, "interrupted: the service is stopping", Optional.empty());
        }
    }

    /** Reads the status, Retry-After and the first bytes of the body; a body too long is cut. */
    private void read(HttpClientResponse response, CompletableFuture<WebhookQueue.Outcome> outcome) {
        int status = response.statusCode();
        Optional<java.time.Duration> retryAfter = RetrySchedule.parseRetryAfter(response.getHeader("retry-after"),
                WebhookQueue.DELIVERY_CLOCK.instant());
        Buffer excerpt = Buffer.buffer();
        long[] read = {0};
        Runnable finish = () -> outcome.complete(new WebhookQueue.Outcome(status,
                status >= 200 && status < 300 ? null : errorOf(status, excerpt), retryAfter));
        response.handler(chunk -> {
            if (excerpt.length() < EXCERPT_BYTES) {
                excerpt.appendBuffer(chunk.slice(0, Math.min(chunk.length(), EXCERPT_BYTES - excerpt.length())));
            }
            read[0] += chunk.length();
            if (read[0] > MAX_READ_BYTES && !outcome.isDone()) {
                finish.run();
                response.request().reset();
            }
        });
        response.endHandler(end -> finish.run());
        response.exceptionHandler(failure -> finish.run());
    }

    private static String errorOf(int status, Buffer excerpt) {
        String body = excerpt.toString(StandardCharsets.UTF_8).strip();
        return "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
    }

    /** A failure without an answer, told by its kind (a message may quote internals). */
    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no answer";
        }
        String kind = failure.getClass().getSimpleName();
        String message = failure.getMessage();
        return message == null ? kind : kind + ": " + message;
    }

    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /**
     * The client for hosts given by name sends the name as TLS server name (SNI); the one for address
     * literals sends none, as TLS requires.
     */
    private HttpClient client(boolean addressLiteral) {
        HttpClient client = addressLiteral ? byAddress : byName;
        if (client == null) {
            synchronized (this) {
                client = addressLiteral ? byAddress : byName;
                if (client == null) {
                    HttpClientOptions options = new HttpClientOptions()
                            .setConnectTimeout((int) config.timeout().toMillis())
                            .setVerifyHost(true)
                            .setForceSni(!addressLiteral)
                            .setMaxPoolSize(Math.max(1, config.concurrency()))
                            .setKeepAlive(true)
                            .setName("webhooks");
                    client = vertx.createHttpClient(options);
                    if (addressLiteral) {
                        byAddress = client;
                    } else {
                        byName = client;
                    }
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (byName != null) {
            byName.close();
        }
        if (byAddress != null) {
            byAddress.close();
        }
    }
}
