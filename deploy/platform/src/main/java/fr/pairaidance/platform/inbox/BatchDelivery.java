package fr.pairaidance.platform.inbox;

import fr.pairaidance.platform.failure.TransientRetry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Hands a polled batch of records (a channel with {@code batch=true}) to a handler that applies a list
 * of events in one transaction. A database that cannot be reached, or a lost conflict, is waited out
 * on the whole batch (its partitions wait, in order). Any other failure means a poison record
 * somewhere in it: the batch is then applied one record per transaction, and only the records that
 * still fail go to the channel's failure strategy (the dead-letter topic), each before the batch is
 * acknowledged. Once the application is stopping, a failure is no proof of poison (the database pool
 * or the transaction manager may be closing): the batch is then left unacknowledged, for the next start.
 */
@ApplicationScoped
public class BatchDelivery {

    private static final Logger LOG = Logger.getLogger(BatchDelivery.class);

    private final TransientRetry retry;
    private volatile boolean stopping;

    BatchDelivery(TransientRetry retry) {
        this.retry = retry;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public CompletionStage<Void> deliver(KafkaRecordBatch<String, String> batch,
            Consumer<List<IncomingEvent>> handler) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            retry.run(() -> handler.accept(records.stream().map(IncomingEvent::from).toList()));
        } catch (RuntimeException batchFailure) {
            if (stopping) {
                return leftForNextStart(records);
            }
            // The exception's message may quote a payload: only its class is logged.
            LOG.warnf("A batch of %d records failed [%s]; applying them one by one", records.size(),
                    batchFailure.getClass().getName());
            for (KafkaRecord<String, String> record : records) {
                if (!deliverAlone(record, handler)) {
                    return leftForNextStart(records);
                }
            }
        }
        return batch.ack();
    }

    /** @return false when the record failed while the application is stopping, so was not dead-lettered */
    private boolean deliverAlone(KafkaRecord<String, String> record, Consumer<List<IncomingEvent>> handler) {
        IncomingEvent event = IncomingEvent.from(record);
        try {
            retry.run(() -> handler.accept(List.of(event)));
            return true;
        } catch (RuntimeException poison) {
            if (stopping) {
                return false;
            }
            LOG.errorf("Event %s of %s failed [%s]; handed to the failure strategy", event.id(), event.topic(),
                    poison.getClass().getName());
            // Waited for: the batch's acknowledgement must not commit past a record not yet dead-lettered.
            record.nack(poison).toCompletableFuture().join();
            return true;
        }
    }

    /** Neither acknowledged nor refused: its offsets are not committed, the inbox skips what was applied. */
    private static CompletionStage<Void> leftForNextStart(List<KafkaRecord<String, String>> records) {
        LOG.infof("Stopping: a batch of %d records is left to the next start", records.size());
        return new CompletableFuture<>();
    }
}
