package fr.pairaidance.orientation.mail;

import fr.pairaidance.platform.inbox.BatchDelivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads this service's own {@code orientation.request} for the mails its answers mean to employers; a
 * record that fails for good goes to {@code orientation-service.dlq}.
 */
@ApplicationScoped
public class MailConsumer {

    private final BatchDelivery delivery;
    private final EmployerMails mails;

    MailConsumer(BatchDelivery delivery, EmployerMails mails) {
        this.delivery = delivery;
        this.mails = mails;
    }

    @Incoming("employer-mail")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return delivery.deliver(batch, mails::apply);
    }
}
