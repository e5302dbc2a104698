package fr.pairaidance.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
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
 * ({@code bench.gatling.mix}: kind, URL, Accept, X-Forwarded-For, If-None-Match or empty), read in turn.
 * Connections are shared by all arrivals (as a portal's HTTP client keeps them), so a slow answer does not
 * hold back the next arrival. Each request is named by its kind: the report gives percentiles per kind.
 */
public class MixSimulation extends Simulation {

    static final String MIX = "bench.gatling.mix";
    static final String RATE = "bench.gatling.rate";
    static final String SECONDS = "bench.gatling.seconds";

    {
        HttpProtocolBuilder protocol = http.shareConnections().disableCaching().disableFollowRedirect()
                .disableWarmUp().disableUrlEncoding();
        ScenarioBuilder arrivals = scenario("mix")
                .feed(tsv(System.getProperty(MIX)).circular())
                .doIfOrElse(session -> !session.getString("etag").isEmpty())
                .then(exec(request().header("If-None-Match", "#{etag}")))
                .orElse(exec(request()));
        setUp(arrivals.injectOpen(constantUsersPerSec(Double.parseDouble(System.getProperty(RATE)))
                .during(Duration.ofSeconds(Long.parseLong(System.getProperty(SECONDS))))))
                .protocols(protocol);
    }

    private static HttpRequestActionBuilder request() {
        // 404: a practitioner page of someone who left the listing meanwhile (the writes run alongside).
        return http("#{kind}").get("#{url}").header("Accept", "#{accept}").header("X-Forwarded-For", "#{ip}")
                .check(status().in(200, 304, 404));
    }
}
