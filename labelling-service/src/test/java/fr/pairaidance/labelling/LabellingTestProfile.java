package fr.pairaidance.labelling;

import fr.pairaidance.localstack.testing.ServiceTestProfile;
import java.util.Map;

/**
 * Real PostgreSQL (database labelling), Kafka and the OIDC test server. The time-driven job is
 * off (tests call it with a moved clock) and the verification limit is low enough to test.
 */
public class LabellingTestProfile extends ServiceTestProfile {

    static final int VERIFICATIONS_PER_MINUTE = 5;

    @Override
    protected String database() {
        return "labelling";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
        config.putAll(Map.of(
                "labelling.scheduler.every", "off",
                "labelling.verification.requests-per-window", String.valueOf(VERIFICATIONS_PER_MINUTE),
                "labelling.verification.window", "1m",
                "quarkus.log.category.\"state.change.logger\".level", "WARN",
                "quarkus.log.category.\"kafka\".level", "WARN"));
        return config;
    }
}
