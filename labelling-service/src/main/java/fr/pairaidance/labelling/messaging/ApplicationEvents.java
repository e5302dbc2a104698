package fr.pairaidance.labelling.messaging;

import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Writes the events of the application aggregate to the outbox, keyed by practitioner id. */
@ApplicationScoped
public class ApplicationEvents {

    public static final String TOPIC = "labelling.application";
    private static final String PREFIX = "fr.pairaidance.labelling.application.";
    public static final String SUBMITTED = PREFIX + "submitted.v1";
    public static final String REFUSED = PREFIX + "refused.v1";
    public static final String APPEAL_DECIDED = PREFIX + "appeal-decided.v1";

    private final Outbox outbox;
    private final Clock clock;

    ApplicationEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void submitted(LabelApplication a) {
        publish(SUBMITTED, a, null, null);
    }

    public void refused(LabelApplication a) {
        publish(REFUSED, a, null, null);
    }

    public void appealDecided(LabelApplication a, String outcome, String labelNumber) {
        publish(APPEAL_DECIDED, a, outcome, labelNumber);
    }

    private void publish(String type, LabelApplication a, String outcome, String labelNumber) {
        outbox.publish(TOPIC, a.practitionerId.toString(), type, new ApplicationEvent(a.id, a.practitionerId,
                a.registryNumber, a.state.name(), outcome, labelNumber, clock.instant()));
    }
}
