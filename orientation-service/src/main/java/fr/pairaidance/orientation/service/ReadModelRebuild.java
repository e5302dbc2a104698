package fr.pairaidance.orientation.service;

import fr.pairaidance.contracts.LabelChanged;
import fr.pairaidance.contracts.PractitionerChanged;
import fr.pairaidance.orientation.persistence.PractitionerLabel;
import fr.pairaidance.orientation.persistence.RegistryState;
import fr.pairaidance.platform.inbox.IncomingEvent;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from scratch, in ONE transaction, so that readers see the old model until
 * the new one is complete: empties it and this service's inbox rows of both topics, reads both
 * compacted topics from their first offset to their end, maps each record as the live handlers do
 * and stages it through COPY ({@link RebuildStaging}), then writes registry_state, label_state, the inbox rows and
 * the listing with set-based SQL: no per-event lock, upsert or listing recomputation.
 *
 * <p>The live consumers keep running but cannot write meanwhile: the rebuild first locks the inbox
 * table, which every consumer transaction writes first. A consumer transaction already under way is
 * waited for (its rows are then replaced like the others); a new one waits on the lock for at most the
 * platform's consumer lock timeout, then is retried, until the rebuild commits. What it then applies is
 * either in the rebuilt inbox (skipped) or was published after the rebuild read the topics (applied).
 */
@ApplicationScoped
public class ReadModelRebuild {

    public static final String REGISTRY_TOPIC = "registry.practitioner";
    public static final String LABEL_TOPIC = "labelling.label";
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /**
     * How many events each topic replayed, how many records were left out as unreadable (the live consumers
     * sent them to their dead-letter topic), and how many practitioners are published afterwards.
     */
    public record Report(long registryEvents, long labelEvents, long unreadable, long published) {
    }

    private final EntityManager em;
    private final ReadModelService readModel;
    private final ReadModelVersion version;
    private final RequestService requests;
    private final TopicReader topics;

    ReadModelRebuild(EntityManager em, ReadModelService readModel, ReadModelVersion version, RequestService requests,
            TopicReader topics) {
        this.em = em;
        this.readModel = readModel;
        this.version = version;
        this.requests = requests;
        this.topics = topics;
    }

    private record Counts(long registry, long labels, long unreadable, Set<UUID> toClose) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Report rebuild() {
        // Allows reads (searches), stops the consumers' writes until this transaction ends.
        em.createNativeQuery("lock table inbox_message in exclusive mode").executeUpdate();
        em.createNativeQuery("delete from listing").executeUpdate();
        em.createNativeQuery("delete from registry_state").executeUpdate();
        em.createNativeQuery("delete from label_state").executeUpdate();
        em.createNativeQuery("delete from inbox_message where consumer in (?1, ?2)")
                .setParameter(1, ReadModelService.REGISTRY_CONSUMER).setParameter(2, ReadModelService.LABEL_CONSUMER)
                .executeUpdate();
        em.flush();
        em.clear();
        Counts counts = em.unwrap(Session.class).doReturningWork(connection -> {
            RebuildStaging staging = new RebuildStaging(connection);
            AtomicLong unreadable = new AtomicLong();
            long registry = topics.readAll(REGISTRY_TOPIC, record -> stage(record, staging, true, unreadable));
            long labels = topics.readAll(LABEL_TOPIC, record -> stage(record, staging, false, unreadable));
            return new Counts(registry, labels, unreadable.get(),
                    staging.finish(ReadModelService.REGISTRY_CONSUMER, ReadModelService.LABEL_CONSUMER));
        });
        counts.toClose().forEach(requests::closeFor);
        version.bumpAll();
        em.flush();
        long published = ((Number) em.createNativeQuery("select count(*) from listing").getSingleResult()).longValue();
        LOG.infof("Read model rebuilt: %d registry and %d label events replayed, %d unreadable left out, %d published",
                counts.registry(), counts.labels(), counts.unreadable(), published);
        return new Report(counts.registry(), counts.labels(), counts.unreadable(), published);
    }

    /**
     * Stages a record as the live handler would apply it. A record the live handler cannot read (no practitioner
     * id as its key, a payload that is not the event's JSON) went to the dead-letter topic: it is left out here
     * too, counted, instead of failing the whole rebuild.
     */
    private void stage(ConsumerRecord<String, String> record, RebuildStaging staging, boolean registry,
            AtomicLong unreadable) {
        IncomingEvent event = IncomingEvent.from(record);
        UUID id;
        RegistryState registryState = null; // null also for a tombstone
        PractitionerLabel labelState = null;
        try {
            id = UUID.fromString(String.valueOf(event.key()));
            if (!event.isTombstone()) {
                registryState = registry ? registryState(id, event) : null;
                labelState = registry ? null : labelState(id, event);
            }
        } catch (RuntimeException e) { // reading only: nothing staged yet
            LOG.warnf("Rebuild left out unreadable record %s of %s at offset %d", event.id(), record.topic(),
                    record.offset());
            unreadable.incrementAndGet();
            return;
        }
        try {
            if (registry) {
                staging.registry(id, event.id(), registryState);
            } else {
                staging.label(id, event.id(), labelState);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rebuild staging failed [" + e.getSQLState() + "]", e);
        }
    }

    private RegistryState registryState(UUID id, IncomingEvent event) {
        RegistryState state = new RegistryState();
        state.practitionerId = id;
        ReadModelService.copy(readModel.read(event, PractitionerChanged.class), state);
        return state;
    }

    private PractitionerLabel labelState(UUID id, IncomingEvent event) {
        PractitionerLabel state = new PractitionerLabel();
        state.practitionerId = id;
        ReadModelService.copy(readModel.read(event, LabelChanged.class), state);
        return state;
    }
}
