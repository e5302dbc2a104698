package fr.pairaidance.orientation.messaging;

import fr.pairaidance.orientation.service.ReadModelService;
import fr.pairaidance.platform.inbox.BatchDelivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code labelling.label} by polled batches: the label half of the read model. */
@ApplicationScoped
public class LabelConsumer {

    private final BatchDelivery delivery;
    private final ReadModelService readModel;

    LabelConsumer(BatchDelivery delivery, ReadModelService readModel) {
        this.delivery = delivery;
        this.readModel = readModel;
    }

    @Incoming("labelling-label")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return delivery.deliver(batch, readModel::applyLabel);
    }
}
