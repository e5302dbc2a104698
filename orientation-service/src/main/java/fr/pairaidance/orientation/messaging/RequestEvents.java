package fr.pairaidance.orientation.messaging;

import fr.pairaidance.contracts.RequestChanged;
import fr.pairaidance.orientation.persistence.OrientationRequest;
import fr.pairaidance.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Writes the events of the orientation request aggregate to the outbox, in the caller's transaction. */
@ApplicationScoped
public class RequestEvents {

    public static final String TOPIC = RequestChanged.TOPIC;

    private final Outbox outbox;
    private final Clock clock;

    RequestEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void requested(OrientationRequest r) {
        emit(RequestChanged.REQUESTED, r);
    }

    public void accepted(OrientationRequest r) {
        emit(RequestChanged.ACCEPTED, r);
    }

    public void declined(OrientationRequest r) {
        emit(RequestChanged.DECLINED, r);
    }

    public void expired(OrientationRequest r) {
        emit(RequestChanged.EXPIRED, r);
    }

    public void closed(OrientationRequest r) {
        emit(RequestChanged.CLOSED, r);
    }

    private void emit(String type, OrientationRequest r) {
        r.eventVersion += 1;
        outbox.publish(TOPIC, r.id.toString(), type, new RequestChanged(r.id, r.practitionerId, r.registryNumber,
                r.status.name(), r.area, r.zoneCode, r.departmentCode, r.regionCode, r.createdAt, r.expiresAt,
                r.answeredAt, r.eventVersion, clock.instant()));
    }
}
