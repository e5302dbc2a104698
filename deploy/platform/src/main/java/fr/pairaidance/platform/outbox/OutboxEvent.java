package fr.pairaidance.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event waiting in the outbox; see {@code V0_1__platform_outbox_inbox_idempotency.sql}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    /** The Kafka topic: one per aggregate type. */
    public String aggregatetype;

    /** The Kafka key and the CloudEvents subject. */
    public String aggregateid;

    /** The CloudEvents type, e.g. {@code fr.pairaidance.registry.practitioner.registered.v1}. */
    public String type;

    /** JSON payload; null for a tombstone. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "correlation_id")
    public String correlationId;
}
