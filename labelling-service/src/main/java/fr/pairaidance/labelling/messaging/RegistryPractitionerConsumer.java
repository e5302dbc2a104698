package fr.pairaidance.labelling.messaging;

import fr.pairaidance.labelling.service.EligibilityService;
import fr.pairaidance.platform.inbox.BatchDelivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the eligibility view up to date from {@code registry.practitioner}, by polled batches. A record
 * that fails for any reason but an unreachable database or a lost conflict goes alone to the
 * dead-letter topic {@code labelling-service.dlq} and consumption goes on.
 */
@ApplicationScoped
public class RegistryPractitionerConsumer {

    private final BatchDelivery delivery;
    private final EligibilityService eligibility;

    RegistryPractitionerConsumer(BatchDelivery delivery, EligibilityService eligibility) {
        this.delivery = delivery;
        this.eligibility = eligibility;
    }

    @Incoming("registry-practitioner")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return delivery.deliver(batch, eligibility::apply);
    }
}
