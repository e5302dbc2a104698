package fr.pairaidance.labelling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.contracts.EventPayload;
import fr.pairaidance.contracts.PractitionerChanged;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.platform.inbox.Inbox;
import fr.pairaidance.platform.inbox.IncomingEvent;
import fr.pairaidance.platform.rest.CorrelationId;
import fr.pairaidance.platform.rest.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Applies {@code registry.practitioner} events to the eligibility view, each event once. */
@ApplicationScoped
public class EligibilityService {

    public static final String CONSUMER = "labelling.registry-practitioner";
    private static final Logger LOG = Logger.getLogger(EligibilityService.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final WithdrawalService withdrawals;
    private final Clock clock;

    EligibilityService(Inbox inbox, ObjectMapper mapper, WithdrawalService withdrawals, Clock clock) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    /** Applies a batch of events, in their order, in one transaction; tombstones carry nothing for this view. */
    @Transactional
    public void apply(List<IncomingEvent> events) {
        List<IncomingEvent> fresh = inbox.firstDeliveries(CONSUMER,
                events.stream().filter(event -> !event.isTombstone()).toList());
        if (fresh.isEmpty()) {
            return;
        }
        List<PractitionerChanged> parsed = fresh.stream().map(this::parse).toList();
        // One query for the batch's stored rows; the map then holds what the transaction made of them.
        Map<UUID, PractitionerEligibility> stored = PractitionerEligibility.<PractitionerEligibility>list(
                        "practitionerId in ?1", parsed.stream().map(PractitionerChanged::practitionerId).distinct().toList())
                .stream().collect(Collectors.toMap(p -> p.practitionerId, Function.identity(), (a, b) -> a, HashMap::new));
        for (int i = 0; i < fresh.size(); i++) {
            IncomingEvent event = fresh.get(i);
            PractitionerChanged change = parsed.get(i);
            CorrelationId.during(event.correlationId(), () -> apply(event, change, stored));
        }
    }

    private void apply(IncomingEvent event, PractitionerChanged e, Map<UUID, PractitionerEligibility> stored) {
        PractitionerEligibility p = stored.get(e.practitionerId());
        if (p == null) {
            p = new PractitionerEligibility();
            p.practitionerId = e.practitionerId();
            stored.put(p.practitionerId, p);
        } else if (p.isWithdrawn() || isOlder(e, p)) {
            LOG.debugf("Ignored stale event %s of practitioner %s", event.id(), e.practitionerId());
            return;
        }
        boolean withdrawn = PractitionerChanged.WITHDRAWN.equals(event.type())
                || PractitionerEligibility.WITHDRAWN.equals(e.status());
        p.registryNumber = e.registryNumber();
        p.status = withdrawn ? PractitionerEligibility.WITHDRAWN : e.status();
        p.coreComplete = e.coreComplete();
        p.subject = withdrawn ? null : e.subject();
        p.publicName = withdrawn ? null : e.publicName();
        p.regionCode = withdrawn ? null : e.regionCode();
        p.domainsPublished = !withdrawn && e.domainsPublished();
        p.sourceVersion = e.version();
        p.lastEventAt = e.occurredAt() == null ? clock.instant() : e.occurredAt();
        p.updatedAt = clock.instant();
        p.persist();
        if (withdrawn) {
            withdrawals.withdraw(p.practitionerId);
        }
    }

    private PractitionerChanged parse(IncomingEvent event) {
        try {
            PractitionerChanged e = StrictJson.storedData(mapper, PractitionerChanged.class).readValue(event.data());
            if (e.practitionerId() == null || e.status() == null) {
                throw new IllegalArgumentException("Event " + event.id() + " lacks practitionerId or status");
            }
            return e;
        } catch (JsonProcessingException ex) {
            // The message of a JSON error may quote the payload: not logged, not propagated.
            throw new IllegalArgumentException("Event " + event.id() + " is not a practitioner event");
        }
    }

    /** Ordered by the practitioner's version, not by the producer's clock. */
    private static boolean isOlder(PractitionerChanged e, PractitionerEligibility p) {
        return EventPayload.isStale(e.version(), p.sourceVersion);
    }
}
