package fr.pairaidance.orientation.messaging;

import fr.pairaidance.orientation.service.ReadModelService;
import fr.pairaidance.platform.inbox.BatchDelivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code registry.practitioner} by polled batches: the practitioner half of the read model. */
@ApplicationScoped
public class RegistryConsumer {

    private final BatchDelivery delivery;
    private final ReadModelService readModel;

    RegistryConsumer(BatchDelivery delivery, ReadModelService readModel) {
        this.delivery = delivery;
        this.readModel = readModel;
    }

    @Incoming("registry-practitioner")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return delivery.deliver(batch, readModel::applyRegistry);
    }
}
