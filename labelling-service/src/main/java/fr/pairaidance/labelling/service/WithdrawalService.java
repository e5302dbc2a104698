package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.messaging.LabelEvents;
import fr.pairaidance.labelling.persistence.ApplicationDecision;
import fr.pairaidance.labelling.persistence.ApplicationState;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.labelling.persistence.LabelDecision;
import fr.pairaidance.labelling.persistence.LabelState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The practitioner left the register: every label becomes WITHDRAWN (its number, dates and
 * history stay, the lived-experience domains of labels and applications are erased), open
 * applications are closed, and a tombstone on {@code labelling.label} removes the practitioner's
 * records once compacted.
 */
@ApplicationScoped
public class WithdrawalService {

    private final LabelLifecycle lifecycle;
    private final ApplicationTrail trail;
    private final LabelEvents events;

    WithdrawalService(LabelLifecycle lifecycle, ApplicationTrail trail, LabelEvents events) {
        this.lifecycle = lifecycle;
        this.trail = trail;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID practitionerId) {
        for (LabelApplication a : LabelApplication.of(practitionerId)) {
            a.requestedDomains = new ArrayList<>();
            if (a.state.isOpen()) {
                trail.move(a, ApplicationDecision.Action.CLOSED, ApplicationState.CLOSED, Actor.REGISTRY,
                        "the practitioner left the register");
            }
        }
        List<Label> labels = Label.of(practitionerId);
        boolean any = false;
        for (Label label : labels) {
            label.domains = new ArrayList<>();
            if (label.state != LabelState.WITHDRAWN) {
                lifecycle.change(label, LabelDecision.Action.WITHDRAWN, LabelState.WITHDRAWN, Actor.REGISTRY,
                        null, lifecycle.today());
                any = true;
            }
        }
        if (any) {
            events.erased(practitionerId);
        }
    }
}
