package fr.pairaidance.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.pairaidance.contracts.EventPayload;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.platform.rest.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes events to the outbox table in the caller's transaction, so that a state change and the
 * event announcing it commit together. The relay is woken once that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Event<OutboxWritten> written;

    Outbox(ObjectMapper mapper, Clock clock, Event<OutboxWritten> written) {
        this.mapper = mapper;
        this.clock = clock;
        this.written = written;
    }

    /**
     * @param topic   the aggregate type, which is also the Kafka topic
     * @param key     the aggregate id: Kafka key and CloudEvents subject
     * @param type    the CloudEvents type
     * @param payload the event data, serialised as JSON
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, EventPayload payload) {
        try {
            return write(topic, key, type, mapper.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of " + type + " cannot be serialised", e);
        }
    }

    /** Writes a tombstone (null value) so that log compaction drops every earlier record of the key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID tombstone(String topic, String key, String type) {
        return write(topic, key, type, null);
    }

    private UUID write(String topic, String key, String type, String json) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregatetype = topic;
        event.aggregateid = key;
        event.type = type;
        event.payload = json;
        event.occurredAt = clock.instant();
        event.correlationId = CorrelationId.current();
        event.persist();
        written.fire(OutboxWritten.INSTANCE);
        return event.id;
    }

    /** Signal fired when an outbox row is written; observed after commit by the relay. */
    public enum OutboxWritten { INSTANCE }
}
