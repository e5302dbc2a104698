package fr.pairaidance.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract holds together: each topic's JSON Schema describes exactly its payload record, the records
 * as producers serialise them conform to it, and the catalogue (deploy/docs/events.md) lists exactly the
 * topics' types and gives examples that conform too.
 */
class ContractsTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Path CATALOGUE = Path.of("..", "docs", "events.md");

    static JsonSchema schema(Contracts.Topic topic) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = ContractsTest.class.getResourceAsStream(topic.schema())) {
            assertTrue(in != null, "no schema for " + topic.name());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachSchemaDescribesExactlyTheFieldsOfItsRecord() throws IOException {
        for (Contracts.Topic topic : Contracts.TOPICS) {
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream(topic.schema())) {
                schema = JSON.readTree(in);
            }
            Set<String> withSchemaVersion = new TreeSet<>(componentNames(topic.payload()));
            withSchemaVersion.add("schemaVersion");
            assertEquals(withSchemaVersion, fieldNames(schema.get("properties")), topic.name());
            compareNested(topic.name(), topic.payload(), schema.get("properties"));
            assertFalse(schema.get("additionalProperties").asBoolean(), topic.name() + " closes its properties");
        }
    }

    @Test
    void recordsAsProducersWriteThemConformToTheirSchema() throws IOException {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-04-02T09:00:00Z");
        Map<String, EventPayload> samples = new LinkedHashMap<>();
        samples.put(PractitionerChanged.TOPIC, new PractitionerChanged(id, "PA-2026-000042", "subject-1", "ACTIVE",
                true, now, "Camille D.", "8421", "69", "84", List.of("SELF_EMPLOYED"), true,
                new PractitionerChanged.Publication(true, 3, "69123", List.of("MENTAL_HEALTH"), List.of("PAIR_AIDANT"),
                        List.of("ONE_TO_ONE"), List.of("fr"), new PractitionerChanged.Contact("c@example.org", null),
                        new PractitionerChanged.Organisation("73282932000074", null)),
                List.of("CORE-2C"), 7, now));
        samples.put(PractitionerChanged.TOPIC + " withdrawn", new PractitionerChanged(id, "PA-2026-000042", null,
                "WITHDRAWN", false, null, null, null, null, null, null, null, null, null, 8, now));
        samples.put(LabelChanged.TOPIC, new LabelChanged(id, "LBL-2026-000731", id, "PA-2026-000042", "SUSPENDED",
                new LabelChanged.Scope(List.of("MENTAL_HEALTH"), List.of("PAIR_AIDANT")), now,
                LocalDate.parse("2029-04-02"), null, "reason", 3, now));
        samples.put(ApplicationChanged.TOPIC, new ApplicationChanged(id, id, "PA-2026-000042", "GRANTED", "UPHELD",
                "LBL-2026-000731", 4, now));
        samples.put(RequestChanged.TOPIC, new RequestChanged(id, id, "PA-2026-000042", "ACCEPTED", "ze:8421", "8421",
                "69", "84", now, now, now, 2, now));
        for (Map.Entry<String, EventPayload> sample : samples.entrySet()) {
            Contracts.Topic topic = Contracts.topic(sample.getKey().split(" ")[0]);
            JsonNode written = JSON.readTree(JSON.writeValueAsString(sample.getValue()));
            assertEquals(Set.of(), schema(topic).validate(written), sample.getKey());
        }
        // A field the contract does not have, or a missing version, is refused.
        JsonNode extra = JSON.readTree(JSON.writeValueAsString(samples.get(RequestChanged.TOPIC)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra).put("employerEmail", "e@example.org");
        assertFalse(schema(Contracts.topic(RequestChanged.TOPIC)).validate(extra).isEmpty());
        JsonNode unversioned = JSON.readTree(JSON.writeValueAsString(samples.get(RequestChanged.TOPIC)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) unversioned).remove("version");
        assertFalse(schema(Contracts.topic(RequestChanged.TOPIC)).validate(unversioned).isEmpty());
    }

    @Test
    void theCatalogueListsExactlyEachTopicsTypesAndItsExamplesConform() throws IOException {
        String catalogue = Files.readString(CATALOGUE);
        for (Contracts.Topic topic : Contracts.TOPICS) {
            String section = section(catalogue, topic.name());
            Set<String> listed = new TreeSet<>();
            Matcher type = Pattern.compile("^\\| `(fr\\.pairaidance\\.[^`]+)` \\|", Pattern.MULTILINE).matcher(section);
            while (type.find()) {
                listed.add(type.group(1));
            }
            assertEquals(new TreeSet<>(topic.types()), listed, "types of " + topic.name() + " in events.md");
            List<String> examples = new ArrayList<>();
            Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section);
            while (json.find()) {
                examples.add(json.group(1));
            }
            assertFalse(examples.isEmpty(), "an example of " + topic.name() + " in events.md");
            for (String example : examples) {
                assertEquals(Set.of(), schema(topic).validate(JSON.readTree(example)), "example of " + topic.name());
            }
        }
    }

    /** The part of the catalogue about a topic: from its heading to the next one of the same level. */
    private static String section(String catalogue, String topic) {
        int start = catalogue.indexOf("## `" + topic + "`");
        assertTrue(start >= 0, "a section of events.md for " + topic);
        int end = catalogue.indexOf("\n## ", start + 1);
        return catalogue.substring(start, end < 0 ? catalogue.length() : end);
    }

    private static void compareNested(String where, Class<?> record, JsonNode properties) {
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (List.class.isAssignableFrom(type)
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                type = element;
            }
            if (type.isRecord()) {
                JsonNode nested = properties.get(component.getName()).get("properties");
                assertEquals(componentNames(type), fieldNames(nested), where + "." + component.getName());
                compareNested(where + "." + component.getName(), type, nested);
            }
        }
    }

    private static Set<String> componentNames(Class<?> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
