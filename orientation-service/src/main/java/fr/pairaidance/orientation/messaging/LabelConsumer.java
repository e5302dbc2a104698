package fr.pairaidance.orientation.messaging;

import fr.pairaidance.orientation.service.ReadModelService;
import fr.pairaidance.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code labelling.label}: the label half of the read model. */
@ApplicationScoped
public class LabelConsumer {

    private final ReadModelService readModel;

    LabelConsumer(ReadModelService readModel) {
        this.readModel = readModel;
    }

    @Incoming("labelling-label")
    @Blocking
    @Retry(maxRetries = 3)
    public void consume(ConsumerRecord<String, String> record) {
        readModel.applyLabel(IncomingEvent.from(record));
    }
}
