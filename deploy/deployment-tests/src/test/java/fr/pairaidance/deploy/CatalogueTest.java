package fr.pairaidance.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The event catalogue (deploy/docs/events.md) the manifests are checked against is itself complete. */
class CatalogueTest {

    @Test
    void everyTopicTheServicesNameIsInTheCatalogueOrADeadLetterTopic() {
        Map<String, String> named = Repo.topicsNamedByServices();
        assertFalse(named.isEmpty(), "no topic found in the services");
        Set<String> known = Repo.allTopics();
        Map<String, String> undocumented = new TreeMap<>(named);
        undocumented.keySet().removeAll(known);
        assertTrue(undocumented.isEmpty(), "topics used by the services but without a \"## `topic`\" section in "
                + "deploy/docs/events.md (so without KafkaTopic, compose topic and retention): " + undocumented);
    }

    @Test
    void personalDataTopicsAreCompacted() {
        // The two topics of event-carried state with personal data (deploy/docs/events.md).
        Map<String, Boolean> topics = Repo.catalogueTopics();
        assertTrue(topics.get("registry.practitioner"), "registry.practitioner is compacted");
        assertTrue(topics.get("labelling.label"), "labelling.label is compacted");
    }
}
