package fr.pairaidance.orientation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.contracts.EventPayload;
import fr.pairaidance.contracts.LabelChanged;
import fr.pairaidance.contracts.PractitionerChanged;
import fr.pairaidance.orientation.persistence.PractitionerLabel;
import fr.pairaidance.orientation.persistence.RegistryState;
import fr.pairaidance.orientation.webhook.ListingSnapshot;
import fr.pairaidance.orientation.webhook.ListingWebhooks;
import fr.pairaidance.platform.inbox.Inbox;
import fr.pairaidance.platform.inbox.IncomingEvent;
import fr.pairaidance.platform.rest.CorrelationId;
import fr.pairaidance.platform.rest.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Applies consumed events to the read model. Each topic's latest state is stored per practitioner,
 * then the listing is recomputed from both under a per-practitioner lock: the result does not depend
 * on how the two topics interleave. A polled batch of events is applied in one transaction. Within one topic, an event older than the stored state (a replay) is ignored.
 */
@ApplicationScoped
public class ReadModelService {

    public static final String REGISTRY_CONSUMER = "orientation-registry-practitioner";
    public static final String LABEL_CONSUMER = "orientation-labelling-label";
    private static final Logger LOG = Logger.getLogger(ReadModelService.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final ListingProjection projection;
    private final RequestService requests;
    private final ReadModelVersion version;
    private final EntityManager em;
    private final ListingWebhooks webhooks;

    ReadModelService(Inbox inbox, ObjectMapper mapper, ListingProjection projection, RequestService requests,
            ReadModelVersion version, EntityManager em, ListingWebhooks webhooks) {
        this.webhooks = webhooks;
        this.version = version;
        this.em = em;
        this.inbox = inbox;
        this.mapper = mapper;
        this.projection = projection;
        this.requests = requests;
    }

    /** Applies a batch of {@code registry.practitioner} events, in their order, in one transaction. */
    @Transactional
    public void applyRegistry(List<IncomingEvent> events) {
        apply(REGISTRY_CONSUMER, events, this::applyRegistry);
    }

    /** Applies a batch of {@code labelling.label} events, in their order, in one transaction. */
    @Transactional
    public void applyLabel(List<IncomingEvent> events) {
        apply(LABEL_CONSUMER, events, this::applyLabel);
    }

    private void apply(String consumer, List<IncomingEvent> events, BiFunction<IncomingEvent, StoredStates, Boolean> one) {
        List<IncomingEvent> fresh = inbox.firstDeliveries(consumer, events);
        if (fresh.isEmpty()) {
            return;
        }
        Set<UUID> practitioners = new HashSet<>();
        fresh.forEach(event -> practitioners.add(practitionerOf(event)));
        StoredStates states = StoredStates.lockAndLoad(em, practitioners);
        Set<UUID> listingChanged = new HashSet<>();
        for (IncomingEvent event : fresh) {
            CorrelationId.during(event.correlationId(), () -> {
                // Webhooks of the listing's change, in this transaction (the rebuild path sends none).
                UUID id = practitionerOf(event);
                ListingSnapshot before = ListingSnapshot.of(states.listings.get(id));
                if (one.apply(event, states)) {
                    listingChanged.add(id);
                    webhooks.listingChanged(event.id(), before, ListingSnapshot.of(states.listings.get(id)));
                }
            });
        }
        if (!listingChanged.isEmpty()) {
            version.bump(listingChanged);
        }
    }

    private boolean applyRegistry(IncomingEvent event, StoredStates states) {
        UUID id = practitionerOf(event);
        RegistryState state = states.registry.get(id);
        if (event.isTombstone()) {
            if (state != null) {
                state.delete();
                states.registry.remove(id);
            }
            requests.closeFor(id);
            return projection.refresh(id, states);
        }
        PractitionerChanged e = read(event, PractitionerChanged.class);
        if (state != null && EventPayload.isStale(e.version(), state.sourceVersion)) {
            LOG.debugf("Ignored stale registry event %s of practitioner %s", event.id(), id);
            return false;
        }
        if (state == null) {
            state = new RegistryState();
            state.practitionerId = id;
            copy(e, state);
            state.persist();
            states.registry.put(id, state);
        } else {
            copy(e, state);
        }
        if (!state.isActive()) {
            requests.closeFor(id);
        }
        return projection.refresh(id, states);
    }

    private boolean applyLabel(IncomingEvent event, StoredStates states) {
        UUID id = practitionerOf(event);
        PractitionerLabel state = states.labels.get(id);
        if (event.isTombstone()) {
            if (state != null) {
                state.delete();
                states.labels.remove(id);
            }
            requests.closeFor(id);
            return projection.refresh(id, states);
        }
        LabelChanged e = read(event, LabelChanged.class);
        if (state != null && EventPayload.isStale(e.version(), state.sourceVersion)) {
            LOG.debugf("Ignored stale label event %s of practitioner %s", event.id(), id);
            return false;
        }
        if (state == null) {
            state = new PractitionerLabel();
            state.practitionerId = id;
            copy(e, state);
            state.persist();
            states.labels.put(id, state);
        } else {
            copy(e, state);
        }
        if (state.isEnded()) {
            requests.closeFor(id); // the practitioner lost the label: nobody can answer these requests any more
        }
        return projection.refresh(id, states);
    }

    /** Both topics are keyed by practitioner id; a record without one is a poison message. */
    private static UUID practitionerOf(IncomingEvent event) {
        if (event.key() == null) {
            throw new IllegalArgumentException("event " + event.id() + " has no key");
        }
        return UUID.fromString(event.key());
    }

    /** The registry state an applied event leaves (also used by {@link ReadModelRebuild}). */
    static void copy(PractitionerChanged e, RegistryState s) {
        PractitionerChanged.Publication p = e.publication() != null && e.publication().listed() ? e.publication() : null;
        boolean active = "ACTIVE".equals(e.status());
        s.registryNumber = e.registryNumber();
        s.subject = e.subject();
        s.status = e.status();
        s.sourceVersion = e.version();
        s.occurredAt = storable(e.occurredAt());
        // A withdrawn practitioner's event carries no personal data: nothing of it is kept either.
        s.publicName = active ? e.publicName() : null;
        s.zoneCode = active ? e.zoneCode() : null;
        s.departmentCode = active ? e.departmentCode() : null;
        s.regionCode = active ? e.regionCode() : null;
        s.modes = active ? e.modes() : null;
        s.remote = active && Boolean.TRUE.equals(e.remote());
        s.listed = active && p != null;
        s.consentVersion = p == null ? null : p.consentVersion();
        s.communeCode = p == null ? null : p.communeCode();
        s.domains = p == null ? null : p.domains();
        s.appellations = p == null ? null : p.appellations();
        s.formats = p == null ? null : p.formats();
        s.languages = p == null ? null : p.languages();
        s.contactEmail = p == null || p.contact() == null ? null : p.contact().email();
        s.contactPhone = p == null || p.contact() == null ? null : p.contact().phone();
        s.siret = p == null || p.organisation() == null ? null : p.organisation().siret();
        s.employerName = p == null || p.organisation() == null ? null : p.organisation().employerName();
    }

    static void copy(LabelChanged e, PractitionerLabel s) {
        s.labelId = e.labelId();
        s.labelNumber = e.labelNumber();
        s.registryNumber = e.registryNumber();
        s.state = e.state();
        s.expiresOn = e.expiresOn();
        s.sourceVersion = e.version();
        s.occurredAt = storable(e.occurredAt());
    }

    /**
     * An event's time as PostgreSQL stores it (microseconds): the live path (Hibernate) and the rebuild
     * (COPY) would otherwise round and truncate a finer time differently.
     */
    private static Instant storable(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return StrictJson.storedData(mapper, type).readValue(event.data());
        } catch (JsonProcessingException e) {
            // The message may quote personal data: only the event id and the exception class are logged.
            LOG.errorf("Unreadable event %s of type %s [%s]", event.id(), event.type(), e.getClass().getName());
            throw new IllegalArgumentException("unreadable event " + event.id());
        }
    }
}
