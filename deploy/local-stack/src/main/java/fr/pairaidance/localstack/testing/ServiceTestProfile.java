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

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
