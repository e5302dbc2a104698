package fr.pairaidance.contracts;

import java.util.List;
import java.util.Map;

/** Every topic of the catalogue with its payload record and its JSON Schema (a resource of this jar). */
public final class Contracts {

    /** A topic: its name, the record of its payload, the CloudEvents types it carries. */
    public record Topic(String name, Class<? extends EventPayload> payload, List<String> types) {

        /** The classpath resource of the topic's JSON Schema. */
        public String schema() {
            return "/fr/pairaidance/contracts/schemas/" + name + ".schema.json";
        }
    }

    public static final List<Topic> TOPICS = List.of(
            new Topic(PractitionerChanged.TOPIC, PractitionerChanged.class, PractitionerChanged.TYPES),
            new Topic(LabelChanged.TOPIC, LabelChanged.class, LabelChanged.TYPES),
            new Topic(ApplicationChanged.TOPIC, ApplicationChanged.class, ApplicationChanged.TYPES),
            new Topic(RequestChanged.TOPIC, RequestChanged.class, RequestChanged.TYPES));

    private static final Map<String, Topic> BY_NAME = Map.of(
            TOPICS.get(0).name(), TOPICS.get(0), TOPICS.get(1).name(), TOPICS.get(1),
            TOPICS.get(2).name(), TOPICS.get(2), TOPICS.get(3).name(), TOPICS.get(3));

    private Contracts() {
    }

    public static Topic topic(String name) {
        Topic topic = BY_NAME.get(name);
        if (topic == null) {
            throw new IllegalArgumentException("no such topic in the catalogue: " + name);
        }
        return topic;
    }
}
