package fr.pairaidance.orientation.messaging;

import fr.pairaidance.orientation.service.ReadModelService;
import fr.pairaidance.platform.failure.TransientFailure;
import fr.pairaidance.platform.inbox.IncomingEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
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
    // A database that cannot be reached, or a lost conflict, is waited out (the partition waits, in
    // order); anything else is a poison message for the dead-letter topic.
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10_000)
    @RetryWhen(exception = TransientFailure.class)
    public void consume(ConsumerRecord<String, String> record) {
        readModel.applyLabel(IncomingEvent.from(record));
    }
}
