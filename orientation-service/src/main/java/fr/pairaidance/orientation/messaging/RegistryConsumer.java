package fr.pairaidance.orientation.messaging;

import fr.pairaidance.orientation.service.ReadModelService;
import fr.pairaidance.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code registry.practitioner}: the practitioner half of the read model. */
@ApplicationScoped
public class RegistryConsumer {

    private final ReadModelService readModel;

    RegistryConsumer(ReadModelService readModel) {
        this.readModel = readModel;
    }

    @Incoming("registry-practitioner")
    @Blocking
    @Retry(maxRetries = 3)
    public void consume(ConsumerRecord<String, String> record) {
        readModel.applyRegistry(IncomingEvent.from(record));
    }
}
