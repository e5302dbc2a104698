package fr.pairaidance.registry.mail;

import fr.pairaidance.platform.inbox.BatchDelivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code labelling.label}, {@code labelling.application} and {@code orientation.request} for the
 * mails they mean to practitioners; a record that fails for good goes to {@code registry-service.dlq}.
 */
@ApplicationScoped
public class MailConsumer {

    private final BatchDelivery delivery;
    private final PractitionerMails mails;

    MailConsumer(BatchDelivery delivery, PractitionerMails mails) {
        this.delivery = delivery;
        this.mails = mails;
    }

    @Incoming("practitioner-mail")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return delivery.deliver(batch, mails::apply);
    }
}
