package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.messaging.RequestEvents;
import fr.pairaidance.orientation.persistence.PractitionerLabel;
import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.persistence.OrientationRequest;
import fr.pairaidance.orientation.persistence.OrientationRequest.Status;
import fr.pairaidance.orientation.persistence.RegistryState;
import fr.pairaidance.platform.problem.Problem.FieldError;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Orientation requests: sending, answering, expiry and closure when a practitioner withdraws. */
@ApplicationScoped
public class RequestService {

    private final ListingSearch search;
    private final SearchOutcomes outcomes;
    private final AreaScopes areas;
    private final Vocabularies vocabularies;
    private final RequestEvents events;
    private final OrientationConfig config;
    private final Clock clock;

    RequestService(ListingSearch search, SearchOutcomes outcomes, AreaScopes areas, Vocabularies vocabularies,
            RequestEvents events, OrientationConfig config, Clock clock) {
        this.search = search;
        this.outcomes = outcomes;
        this.areas = areas;
        this.vocabularies = vocabularies;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<OrientationRequest> send(RequestInput in, Caller caller) {
        AreaScope scope = check(in);
        List<Listing> recipients = recipients(in, scope);
        Instant now = clock.instant();
        List<OrientationRequest> sent = new ArrayList<>();
        for (Listing recipient : recipients) {
            OrientationRequest r = new OrientationRequest();
            r.id = UUID.randomUUID();
            r.employerSubject = caller.subject();
            r.employerEmail = caller.email();
            r.practitionerId = recipient.practitionerId;
            r.registryNumber = recipient.registryNumber;
            r.area = scope.area().toString();
            r.zoneCode = scope.zoneCode();
            r.departmentCode = scope.departmentCode();
            r.regionCode = scope.regionCode();
            r.domains = in.domains() == null ? new ArrayList<>() : new ArrayList<>(in.domains());
            r.format = in.format();
            r.workforceSize = in.workforceSize();
            r.message = in.message() == null ? null : in.message().strip();
            r.status = Status.PENDING;
            r.createdAt = now;
            r.expiresAt = now.plus(config.requests().answerWithin());
            r.persist();
            events.requested(r);
            sent.add(r);
        }
        return sent;
    }

    public List<OrientationRequest> mine(Caller caller) {
        return OrientationRequest.ofEmployer(caller.subject());
    }

    public List<OrientationRequest> received(Caller caller) {
        return RegistryState.findBySubject(caller.subject())
                .map(p -> OrientationRequest.ofPractitioner(p.practitionerId)).orElse(List.of());
    }

    public RequestDetails get(UUID id, Caller caller) {
        OrientationRequest r = visible(id, caller);
        RequestDetails.Contact contact = null;
        if (r.status == Status.ACCEPTED && isSender(r, caller) && PractitionerLabel.isValidFor(r.practitionerId)) {
            RegistryState p = RegistryState.findById(r.practitionerId);
            if (p != null && p.isActive() && (p.contactEmail != null || p.contactPhone != null)) {
                contact = new RequestDetails.Contact(p.contactEmail, p.contactPhone);
            }
        }
        return new RequestDetails(r, contact);
    }

    @Transactional
    public OrientationRequest accept(UUID id, Caller caller) {
        OrientationRequest r = answerable(id, caller);
        if (!PractitionerLabel.isValidFor(r.practitionerId)) {
            // Contact details reach employers only through labelled practitioners (a suspended one may decline).
            throw ProblemException.conflict("label-not-valid", "Label not valid",
                    "your label is not valid at present; you may accept requests again once it is");
        }
        r.status = Status.ACCEPTED;
        r.answeredAt = clock.instant();
        events.accepted(r);
        return r;
    }

    @Transactional
    public OrientationRequest decline(UUID id, Caller caller) {
        OrientationRequest r = answerable(id, caller);
        r.status = Status.DECLINED;
        r.answeredAt = clock.instant();
        events.declined(r);
        return r;
    }

    /** Expires the pending requests whose answer time has passed; returns how many. */
    @Transactional
    public int expireDue() {
        List<OrientationRequest> due = OrientationRequest.pendingDueAt(clock.instant(), 500);
        for (OrientationRequest r : due) {
            r.status = Status.EXPIRED;
            r.closedAt = clock.instant();
            events.expired(r);
        }
        return due.size();
    }

    /** Closes the pending requests of a practitioner who withdrew or lost their label. */
    @Transactional(Transactional.TxType.MANDATORY)
    void closeFor(UUID practitionerId) {
        for (OrientationRequest r : OrientationRequest.pendingOf(practitionerId)) {
            r.status = Status.CLOSED;
            r.closedAt = clock.instant();
            events.closed(r);
        }
    }

    private AreaScope check(RequestInput in) {
        List<FieldError> errors = new ArrayList<>();
        if ((in.registryNumber() == null) == (in.bestMatches() == null)) {
            errors.add(new FieldError("registryNumber", "give either registryNumber or bestMatches"));
        }
        errors.addAll(vocabularies.check("domains", Vocabularies.DOMAINS, in.domains()));
        if (in.format() != null && !vocabularies.contains(Vocabularies.FORMATS, in.format())) {
            errors.add(new FieldError("format", "unknown code '" + in.format() + "' of vocabulary " + Vocabularies.FORMATS));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return areas.parse("area", in.area());
    }

    private List<Listing> recipients(RequestInput in, AreaScope scope) {
        if (in.registryNumber() != null) {
            return List.of(Listing.findByRegistryNumber(in.registryNumber())
                    .orElseThrow(() -> ProblemException.notFound("Published practitioner", in.registryNumber())));
        }
        int n = Math.min(in.bestMatches(), config.requests().maxRecipients());
        SearchResult best = search.run(new SearchCriteria(scope, in.domains(), null, null, in.format(), null, null, 0, n));
        if (!best.areaHasMatches()) {
            outcomes.requestUnmet(scope);
        }
        if (best.items().isEmpty()) {
            throw ProblemException.unprocessable("no-match", "No practitioner found", "area",
                    "no published practitioner matches these domains and format in or near " + scope.area());
        }
        return best.items().stream().map(h -> Listing.<Listing>findById(h.practitionerId())).toList();
    }

    /** The employer who sent it or the practitioner who received it; anyone else gets 404. */
    private OrientationRequest visible(UUID id, Caller caller) {
        OrientationRequest r = OrientationRequest.findById(id);
        if (r == null || !(isSender(r, caller) || isRecipient(r, caller))) {
            throw ProblemException.notFound("Orientation request", id.toString());
        }
        return r;
    }

    private OrientationRequest answerable(UUID id, Caller caller) {
        OrientationRequest r = OrientationRequest.findById(id);
        if (r == null || !isRecipient(r, caller)) {
            throw ProblemException.notFound("Orientation request", id.toString());
        }
        if (r.status == Status.PENDING && !r.expiresAt.isAfter(clock.instant())) {
            throw ProblemException.conflict("request-expired", "Request expired",
                    "the answer time of this request has passed");
        }
        if (r.status != Status.PENDING) {
            throw ProblemException.conflict("request-answered", "Request already answered",
                    "this request is " + r.status);
        }
        return r;
    }

    private static boolean isSender(OrientationRequest r, Caller caller) {
        return caller.has(Roles.EMPLOYER) && r.employerSubject.equals(caller.subject());
    }

    private static boolean isRecipient(OrientationRequest r, Caller caller) {
        return caller.has(Roles.PRACTITIONER) && RegistryState.findBySubject(caller.subject())
                .map(p -> p.practitionerId.equals(r.practitionerId)).orElse(false);
    }
}
