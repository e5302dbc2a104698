package fr.pairaidance.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tsv;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;

/**
 * One Gatling run of the open workload model: requests arrive at {@code bench.gatling.rate} per second for
 * {@code bench.gatling.seconds}, whatever the answers, each one line of the mix file
 * ({@code bench.gatling.mix}: kind, URL, Accept, X-Forwarded-For, If-None-Match or empty), drawn at random,
 * after {@link #WARM_UP_SECONDS} of the same load that the figures leave out (group {@value #MEASURED}).
 * Connections are shared by all arrivals (as a portal's HTTP client keeps them), so a slow answer does not
 * hold back the next arrival. Each request is named by its kind: the report gives percentiles per kind.
 */
public class MixSimulation extends Simulation {

    static final String MIX = "bench.gatling.mix";
    static final String RATE = "bench.gatling.rate";
    static final String SECONDS = "bench.gatling.seconds";
    /** The group of the measured requests in the report. */
    static final String MEASURED = "measured";
    static final int WARM_UP_SECONDS = 3;

    {
        // At most 1 000 connections per service, as a portal's client pool: beyond (an overloaded service),
        // arrivals wait for one and the run misses its rate or its latency objective.
        HttpProtocolBuilder protocol = http.shareConnections().maxConnectionsPerHost(1000).disableCaching()
                .disableFollowRedirect().disableWarmUp().disableUrlEncoding();
        double rate = Double.parseDouble(System.getProperty(RATE));
        // The first seconds warm the generator's JVM (and its connections) at the same rate: not measured.
        ScenarioBuilder warmUp = scenario("warm-up").feed(tsv(System.getProperty(MIX)).random())
                .group("warm-up").on(exec(http("warm-up").get("#{url}").header("Accept", "#{accept}")
                        .header("X-Forwarded-For", "#{ip}").check(status().in(200, 304, 404))));
        ScenarioBuilder arrivals = scenario("mix").feed(tsv(System.getProperty(MIX)).random())
                .group(MEASURED).on(doIfOrElse(session -> !session.getString("etag").isEmpty())
                        .then(exec(request().header("If-None-Match", "#{etag}")))
                        .orElse(exec(request())));
        setUp(warmUp.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(WARM_UP_SECONDS)))
                .andThen(arrivals.injectOpen(constantUsersPerSec(rate)
                        .during(Duration.ofSeconds(Long.parseLong(System.getProperty(SECONDS)))))))
                .protocols(protocol);
    }

    private static HttpRequestActionBuilder request() {
        // 404: a practitioner page of someone who left the listing meanwhile (the writes run alongside).
        return http("#{kind}").get("#{url}").header("Accept", "#{accept}").header("X-Forwarded-For", "#{ip}")
                .check(status().in(200, 304, 404));
    }
}
