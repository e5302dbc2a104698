package fr.pairaidance.labelling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Past the requests a service answers in time, the next one is refused at once with 503 (and the
 * service goes on answering once the load is gone), instead of waiting in a queue that fills the heap.
 * Here the limit is one request in progress; the platform's default adapts up to 200.
 */
@QuarkusTest
@TestProfile(OverloadTest.OneRequestAtATime.class)
class OverloadTest {

    public static class OneRequestAtATime extends LabellingTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.load-shedding.initial-limit", "1");
            config.put("quarkus.load-shedding.max-limit", "1");
            config.put("quarkus.load-shedding.priority.enabled", "false");
            return config;
        }
    }

    private static final String VERIFICATION = "/api/v1/labels/LBL-2026-999999/verification";

    @Test
    void beyondWhatItAnswersInTimeARequestIsRefusedAtOnceAndTheServiceRecovers() throws Exception {
        try (Socket held = new Socket("localhost", RestAssured.port)) {
            held.setSoTimeout(30_000);
            OutputStream out = held.getOutputStream();
            // A public credential check whose body has not arrived yet: a request in progress.
            out.write(("POST /api/v1/credentials/verification HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 9\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().header("X-Forwarded-For", "10.9.9.1").get(VERIFICATION).then()
                            .statusCode(503).header("Connection", "close"));

            out.write("not-a-jwt".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(held.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 "), "the held request was answered");
            assertTrue(!statusLine.startsWith("HTTP/1.1 503"), "the held request was served: " + statusLine);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().header("X-Forwarded-For", "10.9.9.2").get(VERIFICATION).then()
                        .statusCode(not(equalTo(503))));
        given().header("X-Forwarded-For", "10.9.9.3").get(VERIFICATION).then().statusCode(404);
        given().get("/q/health/live").then().statusCode(200);
    }
}
