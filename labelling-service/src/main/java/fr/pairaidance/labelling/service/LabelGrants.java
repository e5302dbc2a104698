package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.labelling.persistence.LabelState;
import fr.pairaidance.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

/** Creates the label an application is granted: new public number, scope, validity. */
@ApplicationScoped
public class LabelGrants {

    private final LabelLifecycle lifecycle;
    private final LabellingConfig config;
    private final EntityManager em;
    private final Clock clock;

    LabelGrants(LabelLifecycle lifecycle, LabellingConfig config, EntityManager em, Clock clock) {
        this.lifecycle = lifecycle;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** One live label per practitioner: an application, an appeal or a grant for a holder is refused. */
    static void requireNoLiveLabel(UUID practitionerId) {
        if (Label.holdsLiveLabel(practitionerId)) {
            throw ProblemException.conflict("already-labelled", "Already labelled",
                    "the practitioner already holds a label; the regulator renews it in its renewal window");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Label grant(LabelApplication a, ScopeInput scope, Actor actor, String reason) {
        requireNoLiveLabel(a.practitionerId);
        LocalDate today = lifecycle.today();
        Label label = new Label();
        label.id = UUID.randomUUID();
        label.number = nextNumber(today);
        label.practitionerId = a.practitionerId;
        label.registryNumber = a.registryNumber;
        label.applicationId = a.id;
        label.domains = new ArrayList<>(scope.domains());
        label.appellations = new ArrayList<>(scope.appellations());
        label.grantedAt = clock.instant();
        label.updatedAt = label.grantedAt;
        label.expiresOn = today.plus(config.validity());
        label.state = LabelTimeline.stateOn(LabelState.ACTIVE, label.expiresOn, null, config.renewalWindow(), today);
        label.persist();
        lifecycle.granted(label, actor, reason);
        return label;
    }

    private String nextNumber(LocalDate today) {
        long next = ((Number) em.createNativeQuery("select nextval('label_number_seq')").getSingleResult()).longValue();
        return String.format("%s-%d-%06d", config.labelNumberPrefix(), today.getYear(), next);
    }
}
