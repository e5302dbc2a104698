package fr.pairaidance.labelling.messaging;

import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Writes the events of the label aggregate to the outbox, keyed by practitioner id. */
@ApplicationScoped
public class LabelEvents {

    public static final String TOPIC = "labelling.label";
    private static final String PREFIX = "fr.pairaidance.labelling.label.";
    public static final String GRANTED = PREFIX + "granted.v1";
    public static final String SUSPENDED = PREFIX + "suspended.v1";
    public static final String REINSTATED = PREFIX + "reinstated.v1";
    public static final String REVOKED = PREFIX + "revoked.v1";
    public static final String RENEWAL_DUE = PREFIX + "renewal-due.v1";
    public static final String RENEWED = PREFIX + "renewed.v1";
    public static final String EXPIRED = PREFIX + "expired.v1";
    public static final String WITHDRAWN = PREFIX + "withdrawn.v1";
    public static final String ERASED = PREFIX + "erased.v1";

    private final Outbox outbox;
    private final Clock clock;

    LabelEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param type one of this class's types; the payload is the label as it now stands */
    public void publish(String type, Label label, String reason) {
        outbox.publish(TOPIC, label.practitionerId.toString(), type, new LabelEvent(label.id, label.number,
                label.practitionerId, label.registryNumber, label.state.name(),
                new LabelEvent.Scope(List.copyOf(label.domains), List.copyOf(label.appellations)),
                label.grantedAt, label.expiresOn, label.suspendedUntil, reason, clock.instant()));
    }

    /** Drops every earlier record of the practitioner's labels once the topic is compacted. */
    public void erased(UUID practitionerId) {
        outbox.tombstone(TOPIC, practitionerId.toString(), ERASED);
    }
}
