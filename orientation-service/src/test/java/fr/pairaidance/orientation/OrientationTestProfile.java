package fr.pairaidance.orientation;

import fr.pairaidance.localstack.testing.ServiceTestProfile;
import java.util.Map;

/** Real PostgreSQL (database orientation), Kafka and the OIDC test server; test clients and limits. */
public class OrientationTestProfile extends ServiceTestProfile {

    @Override
    protected String database() {
        return "orientation";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
        config.putAll(Map.ofEntries(
                Map.entry("orientation.admin.rebuild-enabled", "true"),
                Map.entry("orientation.requests.answer-within", "P7D"),
                Map.entry("orientation.requests.expiry-check-every", "1h"),
                Map.entry("orientation.search.outcome-flush-every", "1h"),
                Map.entry("orientation.portal.default-origins", "https://platform.example.org"),
                Map.entry("orientation.portal.default-requests-per-minute", "100000"),
                Map.entry("orientation.portal.clients.portal-a.origins", "https://jobs-a.example.org"),
                Map.entry("orientation.portal.clients.portal-limited.origins", "https://jobs-b.example.org"),
                Map.entry("orientation.portal.clients.portal-limited.requests-per-minute", "3"),
                Map.entry("orientation.widgets.tiny.portal", "A portal with a tiny limit"),
                Map.entry("orientation.widgets.tiny.origins", "https://jobs-tiny.example.org"),
                Map.entry("orientation.widgets.tiny.requests-per-minute", "2"),
                // A top-level domain the JSON Schema validator knows (.test is reserved, and it checks the
                // address's domain): the data·inclusion export carries the operator's address.
                Map.entry("orientation.regional-operators.\"84\".email", "contact-ara@example.org")));
        return config;
    }
}
