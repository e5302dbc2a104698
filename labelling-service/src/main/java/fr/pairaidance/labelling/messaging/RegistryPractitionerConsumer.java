package fr.pairaidance.labelling.messaging;

import fr.pairaidance.labelling.service.EligibilityService;
import fr.pairaidance.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the eligibility view up to date from {@code registry.practitioner}. A record that still
 * fails after the retries goes to the dead-letter topic {@code labelling-service.dlq} and
 * consumption goes on.
 */
@ApplicationScoped
public class RegistryPractitionerConsumer {

    private final EligibilityService eligibility;

    RegistryPractitionerConsumer(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @Incoming("registry-practitioner")
    @Blocking
    @Retry(maxRetries = 3)
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.isTombstone()) {
            return;
        }
        eligibility.apply(event);
    }
}
