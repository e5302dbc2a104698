package fr.pairaidance.labelling.messaging;

import fr.pairaidance.contracts.ApplicationChanged;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Writes the events of the application aggregate to the outbox, keyed by practitioner id. */
@ApplicationScoped
public class ApplicationEvents {

    public static final String TOPIC = ApplicationChanged.TOPIC;

    private final Outbox outbox;
    private final Clock clock;

    ApplicationEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void submitted(LabelApplication a) {
        publish(ApplicationChanged.SUBMITTED, a, null, null);
    }

    public void refused(LabelApplication a) {
        publish(ApplicationChanged.REFUSED, a, null, null);
    }

    public void appealDecided(LabelApplication a, String outcome, String labelNumber) {
        publish(ApplicationChanged.APPEAL_DECIDED, a, outcome, labelNumber);
    }

    private void publish(String type, LabelApplication a, String outcome, String labelNumber) {
        a.eventVersion += 1;
        outbox.publish(TOPIC, a.practitionerId.toString(), type, new ApplicationChanged(a.id, a.practitionerId,
                a.registryNumber, a.state.name(), outcome, labelNumber, a.eventVersion, clock.instant()));
    }
}
