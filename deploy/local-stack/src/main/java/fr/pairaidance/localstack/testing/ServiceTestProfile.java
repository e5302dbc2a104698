package fr.pairaidance.localstack.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;

/**
 * The integration-test profile of a service: real PostgreSQL (its own database), a real Kafka
 * broker, a real SMTP server and Quarkus's OIDC test server. Every test class of a service uses the same profile, so the
 * application starts once per module.
 */
public abstract class ServiceTestProfile implements QuarkusTestProfile {

    /** The service's database name. */
    protected abstract String database();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresTestResource.class, Map.of("database", database())),
                new TestResourceEntry(KafkaTestResource.class),
                new TestResourceEntry(MailTestResource.class),
                new TestResourceEntry(OidcWiremockTestResource.class));
    }

    /**
     * What the services' tests set beyond their resources: the OIDC test server's issuer, queues polled
     * often, webhooks to a receiver on 127.0.0.1 retried within milliseconds, quiet Kafka logs.
     */
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>();
        config.put("quarkus.oidc.auth-server-url", "${keycloak.url:http://localhost:8180/auth}/realms/quarkus/");
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        config.put("pairaidance.platform.outbox.poll-interval", "200ms");
        config.put("pairaidance.platform.mail.poll-interval", "200ms");
        config.put("pairaidance.platform.mail.outage-retry", "1s");
        config.put("pairaidance.platform.mail.retry-delays", "1s");
        config.put("pairaidance.platform.webhooks.allow-http", "true");
        config.put("pairaidance.platform.webhooks.allow-loopback", "true");
        config.put("pairaidance.platform.webhooks.poll-interval", "200ms");
        config.put("pairaidance.platform.webhooks.retry-schedule", "0s,100ms,100ms,100ms");
        config.put("pairaidance.platform.webhooks.jitter", "0");
        for (String category : List.of("org.apache.kafka", "kafka", "org.apache.zookeeper")) {
            config.put("quarkus.log.category.\"" + category + "\".level", "ERROR");
        }
        return config;
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
