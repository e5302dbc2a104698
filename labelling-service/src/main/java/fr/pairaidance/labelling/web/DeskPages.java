package fr.pairaidance.labelling.web;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.ApplicationDecision;
import fr.pairaidance.labelling.persistence.ApplicationState;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.labelling.persistence.LabelDecision;
import fr.pairaidance.labelling.persistence.LabelState;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.labelling.service.AppealDecisionInput;
import fr.pairaidance.labelling.service.ApplicationService;
import fr.pairaidance.labelling.service.GrantInput;
import fr.pairaidance.labelling.service.LabelLifecycle;
import fr.pairaidance.labelling.service.LabelService;
import fr.pairaidance.labelling.service.ReasonInput;
import fr.pairaidance.labelling.service.ScopeInput;
import fr.pairaidance.labelling.service.SuspensionInput;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.validation.Text;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The regulator's desk: the queue of applications, an application with the actions this regulator may
 * take in its state, labels with their timeline and actions, and the work to do. Every action goes
 * through the same services as the API (same rules, same audit trail) and names the version the page
 * showed: a page made stale by another decision says so and shows the new state, never overwrites it.
 */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.REGULATOR)
public class DeskPages {

    static final int REASON_MAX = 2000;

    private final Pages pages;
    private final ApplicationService applications;
    private final LabelService labels;
    private final LabelLifecycle lifecycle;
    private final CurrentCaller caller;
    private final Vocabularies vocabularies;
    private final LabellingConfig config;
    private final Clock clock;
    private final fr.pairaidance.platform.reference.Geography geography;
    private final Template queue;
    private final Template application;
    private final Template labelList;
    private final Template label;
    private final Template work;

    DeskPages(Pages pages, ApplicationService applications, LabelService labels, LabelLifecycle lifecycle,
            CurrentCaller caller, Vocabularies vocabularies, LabellingConfig config, Clock clock,
            fr.pairaidance.platform.reference.Geography geography,
            @Location("desk/queue.html") Template queue, @Location("desk/application.html") Template application,
            @Location("desk/labels.html") Template labelList, @Location("desk/label.html") Template label,
            @Location("desk/work.html") Template work) {
        this.pages = pages;
        this.applications = applications;
        this.labels = labels;
        this.lifecycle = lifecycle;
        this.caller = caller;
        this.vocabularies = vocabularies;
        this.config = config;
        this.clock = clock;
        this.geography = geography;
        this.queue = queue;
        this.application = application;
        this.labelList = labelList;
        this.label = label;
        this.work = work;
    }

    /** An application in the queue: how long it has waited, and for whom. */
    @TemplateData
    public record QueueItem(LabelApplication a, String holder, long waitedDays, long waitedHours) {
    }

    /** The queue's filters as set on the page. */
    @TemplateData
    public record QueueFilter(String state, String domain, String reviewer, String region) {
    }

    @GET
    public TemplateInstance queue(@QueryParam("state") String state, @QueryParam("domain") String domain,
            @QueryParam("reviewer") String reviewer, @QueryParam("region") String region) {
        ApplicationState chosen = stateOf(state);
        StringBuilder where = new StringBuilder("state in :open");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("open", chosen == null ? ApplicationState.OPEN : List.of(chosen));
        if (domain != null && vocabularies.contains(Vocabularies.DOMAINS, domain)) {
            where.append(" and array_contains(requestedDomains, :domain)");
            params.put("domain", domain);
        }
        boolean regionKnown = region != null && geography.region(region).isPresent();
        if (regionKnown) {
            where.append(" and practitionerId in (select e.practitionerId from PractitionerEligibility e"
                    + " where e.regionCode = :region)");
            params.put("region", region);
        }
        Caller me = caller.get();
        if ("mine".equals(reviewer)) {
            where.append(" and assignedTo = :reviewer");
            params.put("reviewer", me.subject());
        } else if ("none".equals(reviewer)) {
            where.append(" and assignedTo is null");
        }
        List<LabelApplication> found = LabelApplication.find(where + " order by submittedAt, id", params).page(0, 200)
                .list();
        Instant now = clock.instant();
        List<QueueItem> items = found.stream().map(a -> {
            Duration waited = Duration.between(a.submittedAt, now);
            return new QueueItem(a, holder(a.practitionerId), waited.toDays(), waited.toHoursPart());
        }).toList();
        Map<ApplicationState, Long> counts = new EnumMap<>(ApplicationState.class);
        for (ApplicationState s : ApplicationState.OPEN) {
            counts.put(s, LabelApplication.count("state", s));
        }
        return pages.page(queue).data("items", items).data("counts", counts)
                .data("filter", new QueueFilter(chosen == null ? "" : chosen.name(), domain == null ? "" : domain,
                        reviewer == null ? "" : reviewer, regionKnown ? region : ""))
                .data("regions", geography.regions().stream()
                        .sorted(java.util.Comparator.comparing(fr.pairaidance.platform.reference.Geography.Region::name))
                        .toList());
    }

    @GET
    @Path("applications/{id}")
    public TemplateInstance application(@PathParam("id") String id, @QueryParam("done") String done) {
        return applicationPage(applications.get(uuid(id), caller.get()), FormErrors.none(), null, Map.of())
                .data("done", done != null);
    }

    @POST
    @Path("applications/{id}/take")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response take(@PathParam("id") String id, @RestForm String version) {
        UUID uuid = uuid(id);
        return decide(uuid, Map.of(), FormErrors.none(), () -> applications.assign(uuid, ifMatch(version), null, caller.get()));
    }

    @POST
    @Path("applications/{id}/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@PathParam("id") String id, @RestForm String version, @RestForm String reason,
            @RestForm("domain") List<String> domains, @RestForm("appellation") List<String> appellations) {
        UUID uuid = uuid(id);
        Map<String, Object> typed = Map.of("reason", nz(reason), "domains", nl(domains), "appellations", nl(appellations),
                "action", "grant");
        FormErrors errors = reasonErrors("grant-reason", reason);
        scopeErrors(errors, "grant", domains, appellations);
        return decide(uuid, typed, errors, () -> applications.grant(uuid,
                new GrantInput(reason.strip(), new ScopeInput(domains, appellations)), ifMatch(version), null, caller.get()));
    }

    @POST
    @Path("applications/{id}/refusal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuse(@PathParam("id") String id, @RestForm String version, @RestForm String reason) {
        UUID uuid = uuid(id);
        FormErrors errors = reasonErrors("refuse-reason", reason);
        return decide(uuid, Map.of("refuseReason", nz(reason), "action", "refuse"), errors,
                () -> applications.refuse(uuid, new ReasonInput(reason.strip()), ifMatch(version), null, caller.get()));
    }

    @POST
    @Path("applications/{id}/appeal-decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideAppeal(@PathParam("id") String id, @RestForm String version, @RestForm String outcome,
            @RestForm String reason, @RestForm("domain") List<String> domains,
            @RestForm("appellation") List<String> appellations) {
        UUID uuid = uuid(id);
        Map<String, Object> typed = Map.of("appealReason", nz(reason), "outcome", nz(outcome), "domains", nl(domains),
                "appellations", nl(appellations), "action", "appeal");
        FormErrors errors = reasonErrors("appeal-reason", reason);
        AppealDecisionInput.Outcome chosen = null;
        try {
            chosen = AppealDecisionInput.Outcome.valueOf(nz(outcome));
        } catch (IllegalArgumentException e) {
            errors.add("appeal-outcome", msg().outcomeRequired());
        }
        if (chosen == AppealDecisionInput.Outcome.UPHELD) {
            scopeErrors(errors, "appeal", domains, appellations);
        }
        AppealDecisionInput.Outcome decided = chosen;
        return decide(uuid, typed, errors, () -> applications.decideAppeal(uuid, new AppealDecisionInput(decided,
                reason.strip(), decided == AppealDecisionInput.Outcome.UPHELD ? new ScopeInput(domains, appellations) : null),
                ifMatch(version), null, caller.get()));
    }

    /** A label search: by number, holder's registry number or name, state, expiry before a day. */
    @TemplateData
    public record LabelFilter(String q, String state, String expiresBefore) {
    }

    @GET
    @Path("labels")
    public TemplateInstance labels(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("expiresBefore") String expiresBefore) {
        FormErrors errors = FormErrors.none();
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new java.util.HashMap<>();
        if (q != null && !q.isBlank()) {
            String text = q.strip();
            List<UUID> named = PractitionerEligibility.<PractitionerEligibility>list(
                    "lower(publicName) like ?1", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%")
                    .stream().map(p -> p.practitionerId).limit(500).toList();
            where.append(" and (number = :text or registryNumber = :text").append(named.isEmpty() ? ")"
                    : " or practitionerId in :named)");
            params.put("text", text.toUpperCase(java.util.Locale.ROOT));
            if (!named.isEmpty()) {
                params.put("named", named);
            }
        }
        LabelState chosen = null;
        if (state != null && !state.isBlank()) {
            try {
                chosen = LabelState.valueOf(state);
                where.append(" and state = :state");
                params.put("state", chosen);
            } catch (IllegalArgumentException e) {
                errors.add("state", msg().choiceInvalid());
            }
        }
        if (expiresBefore != null && !expiresBefore.isBlank()) {
            try {
                params.put("before", LocalDate.parse(expiresBefore.strip()));
                where.append(" and expiresOn < :before");
            } catch (DateTimeParseException e) {
                errors.add("expiresBefore", msg().dateInvalid());
            }
        }
        List<Label> found = errors.any() ? List.of()
                : Label.<Label>find(where + " order by expiresOn, number", params).page(0, 100).list();
        return pages.page(labelList).data("labels", found.stream().map(l -> new LabelRow(l, holder(l.practitionerId)))
                .toList()).data("filter", new LabelFilter(nz(q), nz(state), nz(expiresBefore))).data("errors", errors)
                .data("states", LabelState.values());
    }

    /** A label and its holder's public name. */
    @TemplateData
    public record LabelRow(Label label, String holder) {
    }

    @GET
    @Path("labels/{number}")
    public TemplateInstance label(@PathParam("number") String number, @QueryParam("done") String done) {
        return labelPage(labels.get(number, caller.get()), FormErrors.none(), null, Map.of()).data("done", done != null);
    }

    @POST
    @Path("labels/{number}/suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@PathParam("number") String number, @RestForm String version, @RestForm String reason,
            @RestForm String until) {
        FormErrors errors = reasonErrors("suspend-reason", reason);
        LocalDate end = null;
        if (until != null && !until.isBlank()) {
            try {
                end = LocalDate.parse(until.strip());
                if (!end.isAfter(lifecycle.today())) {
                    errors.add("suspend-until", msg().untilInFuture());
                }
            } catch (DateTimeParseException e) {
                errors.add("suspend-until", msg().dateInvalid());
            }
        }
        LocalDate ends = end;
        return act(number, Map.of("suspendReason", nz(reason), "until", nz(until), "action", "suspend"), errors,
                () -> labels.suspend(number, new SuspensionInput(reason.strip(), ends), ifMatch(version), null, caller.get()));
    }

    @POST
    @Path("labels/{number}/reinstatement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reinstate(@PathParam("number") String number, @RestForm String version, @RestForm String reason) {
        return act(number, Map.of("reinstateReason", nz(reason), "action", "reinstate"),
                reasonErrors("reinstate-reason", reason),
                () -> labels.reinstate(number, new ReasonInput(reason.strip()), ifMatch(version), null, caller.get()));
    }

    @POST
    @Path("labels/{number}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("number") String number, @RestForm String version, @RestForm String reason,
            @RestForm String confirm) {
        FormErrors errors = reasonErrors("revoke-reason", reason);
        if (!"yes".equals(confirm)) {
            errors.add("revoke-confirm", msg().confirmRevocation());
        }
        return act(number, Map.of("revokeReason", nz(reason), "action", "revoke"), errors,
                () -> labels.revoke(number, new ReasonInput(reason.strip()), ifMatch(version), null, caller.get()));
    }

    @POST
    @Path("labels/{number}/renewal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("number") String number, @RestForm String version, @RestForm String reason) {
        return act(number, Map.of("renewReason", nz(reason), "action", "renew"), reasonErrors("renew-reason", reason),
                () -> labels.renew(number, new ReasonInput(reason.strip()), ifMatch(version), null, caller.get()));
    }

    @GET
    @Path("work")
    public TemplateInstance work() {
        LocalDate today = lifecycle.today();
        List<LabelRow> renewals = Label.<Label>list("state = ?1 order by expiresOn", LabelState.RENEWAL_DUE).stream()
                .limit(100).map(l -> new LabelRow(l, holder(l.practitionerId))).toList();
        List<LabelRow> suspensions = Label.<Label>list(
                "state = ?1 and suspendedUntil is not null and suspendedUntil <= ?2 order by suspendedUntil",
                LabelState.SUSPENDED, today.plusDays(14)).stream().limit(100)
                .map(l -> new LabelRow(l, holder(l.practitionerId))).toList();
        List<LabelApplication> appeals = LabelApplication.list("state = ?1 order by updatedAt", ApplicationState.APPEALED);
        return pages.page(work).data("renewals", renewals).data("suspensions", suspensions).data("appeals", appeals
                .stream().map(a -> new QueueItem(a, holder(a.practitionerId),
                        Duration.between(a.updatedAt, clock.instant()).toDays(), 0)).toList());
    }

    private interface Decision {
        Object run();
    }

    /** Runs an application decision; the page again with the errors, or "changed meanwhile", when it cannot. */
    private Response decide(UUID id, Map<String, Object> typed, FormErrors errors, Decision decision) {
        if (!errors.any()) {
            try {
                decision.run();
                return Response.seeOther(URI.create("/desk/applications/" + id + "?done=1")).build();
            } catch (ProblemException e) {
                String changed = refusal(e, errors, typed);
                return Response.status(e.status()).entity(applicationPage(ApplicationService.load(id), errors,
                        changed, typed).data("done", false)).build();
            }
        }
        return Response.status(400).entity(applicationPage(ApplicationService.load(id), errors, null, typed)
                .data("done", false)).build();
    }

    private Response act(String number, Map<String, Object> typed, FormErrors errors, Decision decision) {
        Label current = LabelService.load(number);
        if (!errors.any()) {
            try {
                decision.run();
                return Response.seeOther(URI.create("/desk/labels/" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                        + "?done=1")).build();
            } catch (ProblemException e) {
                String changed = refusal(e, errors, typed);
                return Response.status(e.status()).entity(labelPage(LabelService.load(number), errors, changed, typed)
                        .data("done", false)).build();
            }
        }
        return Response.status(400).entity(labelPage(current, errors, null, typed).data("done", false)).build();
    }

    /** What to tell the regulator when the service refuses: the page is stale, or the action is not allowed. */
    private String refusal(ProblemException e, FormErrors errors, Map<String, Object> typed) {
        return switch (e.status()) {
            case 412, 428 -> "changed";
            case 403 -> "forbidden";
            case 409 -> "notAllowed";
            case 400, 422 -> {
                // Shown at the reason of the form that was sent (every decision has one).
                errors.add(typed.getOrDefault("action", "grant") + "-reason", msg().actionRefused());
                yield null;
            }
            default -> throw e;
        };
    }

    private TemplateInstance applicationPage(LabelApplication a, FormErrors errors, String notice,
            Map<String, Object> typed) {
        Caller me = caller.get();
        PractitionerEligibility who = PractitionerEligibility.findById(a.practitionerId);
        boolean mine = me.subject().equals(a.assignedTo);
        Map<String, Object> shown = typed(typed);
        boolean grantTyped = "grant".equals(shown.get("action"));
        boolean appealTyped = "appeal".equals(shown.get("action"));
        return pages.page(application).data("a", a).data("who", who)
                .data("trail", ApplicationDecision.of(a.id)).data("errors", errors).data("notice", notice)
                .data("typed", shown)
                .data("grantDomains", grantTyped ? shown.get("domains") : a.requestedDomains)
                .data("grantAppellations", grantTyped ? shown.get("appellations") : a.requestedAppellations)
                .data("appealDomains", appealTyped ? shown.get("domains") : a.requestedDomains)
                .data("appealAppellations", appealTyped ? shown.get("appellations") : a.requestedAppellations)
                .data("canTake", a.state == ApplicationState.SUBMITTED
                        || (a.state == ApplicationState.UNDER_REVIEW && !mine))
                .data("canDecide", a.state == ApplicationState.UNDER_REVIEW && mine)
                .data("canDecideAppeal", a.state == ApplicationState.APPEALED && !me.subject().equals(a.refusedBy))
                .data("refusedByMe", a.state == ApplicationState.APPEALED && me.subject().equals(a.refusedBy));
    }

    private TemplateInstance labelPage(Label l, FormErrors errors, String notice, Map<String, Object> typed) {
        LocalDate today = lifecycle.today();
        boolean inWindow = l.state == LabelState.RENEWAL_DUE
                || (l.state == LabelState.ACTIVE && !today.isBefore(l.expiresOn.minus(config.renewalWindow())));
        return pages.page(label).data("l", l).data("holder", holder(l.practitionerId))
                .data("trail", LabelDecision.of(l.id)).data("errors", errors).data("notice", notice)
                .data("typed", typed(typed))
                .data("canSuspend", l.state.isValid()).data("canReinstate", l.state == LabelState.SUSPENDED)
                .data("canRevoke", l.state.isLive()).data("canRenew", inWindow && l.state.isValid());
    }

    /** What a decision form showed, every field present (empty when not typed). */
    private static Map<String, Object> typed(Map<String, Object> typed) {
        Map<String, Object> all = new java.util.HashMap<>();
        for (String field : List.of("action", "reason", "refuseReason", "outcome", "appealReason", "suspendReason",
                "until", "reinstateReason", "revokeReason", "renewReason")) {
            all.put(field, "");
        }
        all.put("domains", List.of());
        all.put("appellations", List.of());
        all.putAll(typed);
        return all;
    }

    private FormErrors reasonErrors(String field, String reason) {
        FormErrors errors = FormErrors.none();
        if (reason == null || reason.isBlank()) {
            errors.add(field, msg().reasonRequired());
        } else if (reason.strip().length() > REASON_MAX) {
            errors.add(field, msg().reasonTooLong(reason.strip().length()));
        } else if (Text.hasControlCharacters(reason)) {
            errors.add(field, msg().reasonInvalid());
        }
        return errors;
    }

    private void scopeErrors(FormErrors errors, String prefix, List<String> domains, List<String> appellations) {
        if (domains == null || domains.isEmpty() || domains.stream().anyMatch(d -> !vocabularies.contains(Vocabularies.DOMAINS, d))) {
            errors.add(prefix + "-domains", msg().domainsRequired());
        }
        if (appellations == null || appellations.isEmpty()
                || appellations.stream().anyMatch(d -> !vocabularies.contains(Vocabularies.APPELLATIONS, d))) {
            errors.add(prefix + "-appellations", msg().appellationsRequired());
        }
    }

    private String holder(UUID practitionerId) {
        PractitionerEligibility p = PractitionerEligibility.findById(practitionerId);
        return p == null || p.publicName == null ? null : p.publicName;
    }

    private LabellingMessages msg() {
        return pages.messages(LabellingMessages.class);
    }

    private static ApplicationState stateOf(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            ApplicationState s = ApplicationState.valueOf(state);
            return s.isOpen() ? s : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Application", id);
        }
    }

    /** The If-Match of the version the page showed. */
    private static String ifMatch(String version) {
        return version == null || !version.strip().matches("\\d{1,18}") ? "\"-1\"" : "\"" + version.strip() + "\"";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static List<String> nl(List<String> values) {
        return values == null ? List.of() : values;
    }
}
