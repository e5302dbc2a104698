package fr.pairaidance.orientation.messaging;

import fr.pairaidance.orientation.persistence.OrientationRequest;
import fr.pairaidance.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Writes the events of the orientation request aggregate to the outbox, in the caller's transaction. */
@ApplicationScoped
public class RequestEvents {

    public static final String TOPIC = "orientation.request";
    private static final String PREFIX = "fr.pairaidance.orientation.request.";
    public static final String REQUESTED = PREFIX + "requested.v1";
    public static final String ACCEPTED = PREFIX + "accepted.v1";
    public static final String DECLINED = PREFIX + "declined.v1";
    public static final String EXPIRED = PREFIX + "expired.v1";
    public static final String CLOSED = PREFIX + "closed.v1";

    private final Outbox outbox;
    private final Clock clock;

    RequestEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void requested(OrientationRequest r) {
        emit(REQUESTED, r);
    }

    public void accepted(OrientationRequest r) {
        emit(ACCEPTED, r);
    }

    public void declined(OrientationRequest r) {
        emit(DECLINED, r);
    }

    public void expired(OrientationRequest r) {
        emit(EXPIRED, r);
    }

    public void closed(OrientationRequest r) {
        emit(CLOSED, r);
    }

    private void emit(String type, OrientationRequest r) {
        outbox.publish(TOPIC, r.id.toString(), type, new RequestEvent(r.id, r.practitionerId, r.registryNumber,
                r.status.name(), r.area, r.zoneCode, r.departmentCode, r.regionCode, r.createdAt, r.expiresAt,
                r.answeredAt, clock.instant()));
    }
}
