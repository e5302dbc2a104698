package fr.pairaidance.labelling.messaging;

import fr.pairaidance.contracts.LabelChanged;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Writes the events of the label aggregate to the outbox, keyed by practitioner id. */
@ApplicationScoped
public class LabelEvents {

    public static final String TOPIC = LabelChanged.TOPIC;

    private final Outbox outbox;
    private final Clock clock;

    LabelEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param type one of this class's types; the payload is the label as it now stands */
    public void publish(String type, Label label, String reason) {
        label.eventVersion = nextVersion(label.practitionerId);
        outbox.publish(TOPIC, label.practitionerId.toString(), type, new LabelChanged(label.id, label.number,
                label.practitionerId, label.registryNumber, label.state.name(),
                new LabelChanged.Scope(List.copyOf(label.domains), List.copyOf(label.appellations)),
                label.grantedAt, label.expiresOn, label.suspendedUntil, reason, label.eventVersion, clock.instant()));
    }

    /**
     * The next version of the practitioner's label stream (the topic's key): one more than any event of any of
     * their labels, so a new label after a revoked one continues it. A label's changes are serialised by its
     * optimistic lock, and a practitioner has one label in force at a time.
     */
    private static long nextVersion(UUID practitionerId) {
        // The query flushes first: an event written earlier in this transaction, for another label of the
        // practitioner, counts.
        Long highest = Label.getEntityManager()
                .createQuery("select max(l.eventVersion) from Label l where l.practitionerId = ?1", Long.class)
                .setParameter(1, practitionerId).getSingleResult();
        return (highest == null ? 0 : highest) + 1;
    }

    /** Drops every earlier record of the practitioner's labels once the topic is compacted. */
    public void erased(UUID practitionerId) {
        outbox.tombstone(TOPIC, practitionerId.toString(), LabelChanged.ERASED);
    }
}
