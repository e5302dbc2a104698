package fr.pairaidance.localstack.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.pairaidance.contracts.Contracts;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks an event a service emitted against its topic's JSON Schema (deploy/contracts). */
public final class ContractSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** Fails, naming the violations, unless the payload conforms to the topic's schema. */
    public static void assertConforms(String topic, String payload) {
        Set<ValidationMessage> violations;
        try {
            violations = schema(topic).validate(JSON.readTree(payload));
        } catch (JsonProcessingException e) {
            throw new AssertionError("an event of " + topic + " is not JSON", e);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("an event of " + topic + " breaks its contract: " + violations);
        }
    }

    private static JsonSchema schema(String topic) {
        return SCHEMAS.computeIfAbsent(topic, name -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Contracts.class.getResourceAsStream(Contracts.topic(name).schema())) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
