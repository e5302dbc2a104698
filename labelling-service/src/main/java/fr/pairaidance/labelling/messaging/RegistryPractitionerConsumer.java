package fr.pairaidance.labelling.messaging;

import fr.pairaidance.labelling.service.EligibilityService;
import fr.pairaidance.platform.failure.TransientFailure;
import fr.pairaidance.platform.inbox.IncomingEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
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
    // A database that cannot be reached, or a lost conflict, is waited out (the partition waits, in
    // order); anything else is a poison message for the dead-letter topic.
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10_000)
    @RetryWhen(exception = TransientFailure.class)
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.isTombstone()) {
            return;
        }
        eligibility.apply(event);
    }
}
