package fr.pairaidance.orientation.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.web.WebConfig;
import fr.pairaidance.platform.webhook.WebhookEvent;
import fr.pairaidance.platform.webhook.WebhookFanOut;
import fr.pairaidance.platform.webhook.WebhookSubscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The orientation side of webhooks: a subscription follows one typed area, and each change of a listing
 * that the read model applies from Kafka becomes, in the same transaction, a delivery to each subscription
 * whose area the listing entered ({@code appeared}), stayed in with other shown fields ({@code changed}) or
 * left ({@code left}, also when it is no longer published). The payload holds only what search shows: the
 * listing's published fields, never contact details. The full rebuild ({@code ReadModelRebuild}) sends none.
 */
@ApplicationScoped
public class ListingWebhooks {

    private static final String PREFIX = "fr.pairaidance.orientation.listing.";
    public static final String APPEARED = PREFIX + "appeared.v1";
    public static final String CHANGED = PREFIX + "changed.v1";
    public static final String LEFT = PREFIX + "left.v1";
    public static final Set<String> EVENT_TYPES = Set.of(APPEARED, CHANGED, LEFT);

    /** The {@code data} of a listing webhook: the listing as search shows it; only ids, area and link once it left. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListingData(String registryNumber, String publicName, String communeCode, String zoneCode,
            String departmentCode, String regionCode, List<String> modes, Boolean remote, List<String> domains,
            List<String> appellations, List<String> formats, List<String> languages, Label label, String link) {

        public record Label(String number, String state, LocalDate expiresOn) {
        }
    }

    private final WebhookFanOut fanOut;
    private final AreaScopes areas;
    private final Clock clock;
    private final String profileBase;

    ListingWebhooks(WebhookFanOut fanOut, AreaScopes areas, Clock clock, WebConfig web) {
        this.fanOut = fanOut;
        this.areas = areas;
        this.clock = clock;
        this.profileBase = web.sites().getOrDefault(web.site(), "") + "/practitioners/";
    }

    /** Reads the filter of a new subscription; what is wrong in it goes to {@code faults}, named by field. */
    WebhookSubscriptions.NewSubscription subscription(ListingWebhookInput input, List<Problem.FieldError> faults) {
        String area = input.filter() == null ? null : input.filter().area();
        List<String> keys = List.of();
        if (area == null || area.isBlank()) {
            faults.add(new Problem.FieldError("filter.area", "is required: ze:<zone>, dep:<department>, reg:<region> "
                    + "or com:<commune>"));
        } else {
            try {
                AreaScope scope = areas.parse("filter.area", area);
                keys = List.of(scope.area().toString());
            } catch (ProblemException wrong) {
                faults.addAll(wrong.toProblem(null, null).errors());
            }
        }
        return new WebhookSubscriptions.NewSubscription(input.url(), input.eventTypes(),
                Map.of("area", keys.isEmpty() ? String.valueOf(area) : keys.get(0)), keys, input.contactEmail());
    }

    /**
     * Called by the read model, in its transaction, when an applied event changed a practitioner's listing.
     *
     * @param sourceEventId the consumed event's id: the webhook id is derived from it, stable across redeliveries
     * @param before the listing before the event, null when it was not published
     * @param after the listing after the event, null when it is no longer published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void listingChanged(String sourceEventId, ListingSnapshot before, ListingSnapshot after) {
        Set<String> beforeAreas = before == null ? Set.of() : before.areas();
        Set<String> afterAreas = after == null ? Set.of() : after.areas();
        Set<String> candidates = new LinkedHashSet<>(beforeAreas);
        candidates.addAll(afterAreas);
        if (candidates.isEmpty()) {
            return;
        }
        String id = sourceEventId + ":listing";
        Instant now = clock.instant();
        ListingData shownBefore = before == null ? null : shown(before);
        ListingData shownAfter = after == null ? null : shown(after);
        WebhookEvent appeared = shownAfter == null ? null : new WebhookEvent(id, APPEARED, now, shownAfter);
        WebhookEvent changed = shownAfter == null ? null : new WebhookEvent(id, CHANGED, now, shownAfter);
        WebhookEvent left = before == null ? null : new WebhookEvent(id, LEFT, now, leftData(before));
        boolean shownChanged = !Objects.equals(shownBefore, shownAfter);
        fanOut.publish(candidates, filterKeys -> {
            boolean wasIn = filterKeys.stream().anyMatch(beforeAreas::contains);
            boolean isIn = filterKeys.stream().anyMatch(afterAreas::contains);
            if (isIn) {
                return wasIn ? (shownChanged ? changed : null) : appeared;
            }
            return wasIn ? left : null;
        });
    }

    private ListingData shown(ListingSnapshot l) {
        return new ListingData(l.registryNumber(), l.publicName(), l.communeCode(), l.zoneCode(), l.departmentCode(),
                l.regionCode(), l.modes(), l.remote(), l.domains(), l.appellations(), l.formats(), l.languages(),
                new ListingData.Label(l.labelNumber(), l.labelState(), l.expiresOn()), profileBase + l.registryNumber());
    }

    private ListingData leftData(ListingSnapshot l) {
        return new ListingData(l.registryNumber(), null, l.communeCode(), l.zoneCode(), l.departmentCode(),
                l.regionCode(), null, null, null, null, null, null, null, profileBase + l.registryNumber());
    }
}
