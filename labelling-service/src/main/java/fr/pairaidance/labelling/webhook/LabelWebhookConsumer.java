package fr.pairaidance.labelling.webhook;

import fr.pairaidance.platform.inbox.BatchDelivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads this service's own {@code labelling.label} events again (consumer group {@code labelling-service-webhooks})
 * and turns them into webhook deliveries, by polled batches; a poison record goes alone to the dead-letter topic.
 */
@ApplicationScoped
public class LabelWebhookConsumer {

    private final BatchDelivery delivery;
    private final LabelWebhooks webhooks;

    LabelWebhookConsumer(BatchDelivery delivery, LabelWebhooks webhooks) {
        this.delivery = delivery;
        this.webhooks = webhooks;
    }

    @Incoming("label-webhooks")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return delivery.deliver(batch, webhooks::apply);
    }
}
