package fr.pairaidance.labelling.webhook;

import fr.pairaidance.contracts.LabelChanged;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.messaging.LabelEvents;
import fr.pairaidance.platform.inbox.Inbox;
import fr.pairaidance.platform.inbox.IncomingEvent;
import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.rest.StrictJson;
import fr.pairaidance.platform.web.WebConfig;
import fr.pairaidance.platform.webhook.WebhookEvent;
import fr.pairaidance.platform.webhook.WebhookFanOut;
import fr.pairaidance.platform.webhook.WebhookSubscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The labelling side of webhooks: a subscription follows label numbers, and each event of topic
 * {@code labelling.label} becomes one delivery per enabled subscription following its number and type. The
 * payload says only what public verification says (number, state, dates, link): no scope, no reason, no name.
 */
@ApplicationScoped
public class LabelWebhooks {

    public static final String CONSUMER = "labelling.label-webhooks";
    /** The webhook types are the CloudEvents types of topic {@code labelling.label}, tombstones aside. */
    public static final Set<String> EVENT_TYPES = Set.of(LabelChanged.GRANTED, LabelChanged.SUSPENDED,
            LabelChanged.REINSTATED, LabelChanged.REVOKED, LabelChanged.RENEWAL_DUE, LabelChanged.RENEWED,
            LabelChanged.EXPIRED, LabelChanged.WITHDRAWN);
    static final int MAX_LABEL_NUMBERS = 1000;
    private static final Set<String> VALID_STATES = Set.of("ACTIVE", "RENEWAL_DUE");
    private static final Logger LOG = Logger.getLogger(LabelWebhooks.class);

    /** What a webhook reads of a label event: nothing else of it is ever sent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    /** The {@code data} of a label webhook. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LabelData(String labelNumber, String state, boolean valid, LocalDate expiresOn,
            LocalDate suspendedUntil, String link) {
    }

    private final Inbox inbox;
    private final WebhookFanOut fanOut;
    private final ObjectMapper mapper;
    private final Pattern numberFormat;
    private final String numberPrefix;
    private final String verificationBase;

    LabelWebhooks(Inbox inbox, WebhookFanOut fanOut, ObjectMapper mapper, LabellingConfig config, WebConfig web) {
        this.inbox = inbox;
        this.fanOut = fanOut;
        this.mapper = mapper;
        this.numberPrefix = config.labelNumberPrefix();
        this.numberFormat = Pattern.compile(Pattern.quote(config.labelNumberPrefix()) + "-[0-9]{4}-[0-9]{6}");
        this.verificationBase = web.sites().getOrDefault(web.site(), "") + "/verify/";
    }

    /** Reads the filter of a new subscription; what is wrong in it goes to {@code faults}, named by field. */
    WebhookSubscriptions.NewSubscription subscription(LabelWebhookInput input, List<Problem.FieldError> faults) {
        List<String> given = input.filter() == null ? null : input.filter().labelNumbers();
        Set<String> numbers = new LinkedHashSet<>();
        if (given == null || given.isEmpty()) {
            faults.add(new Problem.FieldError("filter.labelNumbers", "must name at least one label number"));
        } else if (given.size() > MAX_LABEL_NUMBERS) {
            faults.add(new Problem.FieldError("filter.labelNumbers", "must name at most " + MAX_LABEL_NUMBERS
                    + " label numbers"));
        } else {
            for (int i = 0; i < given.size(); i++) {
                String number = given.get(i) == null ? "" : given.get(i).strip().toUpperCase(Locale.ROOT);
                if (numberFormat.matcher(number).matches()) {
                    numbers.add(number);
                } else {
                    faults.add(new Problem.FieldError("filter.labelNumbers[" + i + "]",
                            "must be a label number such as " + numberPrefix + "-2026-000731"));
                }
            }
        }
        List<String> keys = List.copyOf(numbers);
        return new WebhookSubscriptions.NewSubscription(input.url(), input.eventTypes(),
                Map.of("labelNumbers", keys), keys, input.contactEmail());
    }

    /** Turns a batch of label events into deliveries, each event once (inbox first, in the same transaction). */
    @Transactional
    public void apply(List<IncomingEvent> events) {
        inbox.handleFirstDeliveries(CONSUMER, events, this::handle);
    }

    private void handle(IncomingEvent event) {
        if (event.isTombstone() || !EVENT_TYPES.contains(event.type())) {
            return;
        }
        LabelChanged change = read(event);
        if (change.labelNumber() == null) {
            return;
        }
        LabelData data = new LabelData(change.labelNumber(), change.state(), VALID_STATES.contains(change.state()),
                change.expiresOn(), change.suspendedUntil(), verificationBase + change.labelNumber());
        Instant at = change.occurredAt() == null ? Instant.EPOCH : change.occurredAt();
        fanOut.publish(new WebhookEvent(event.id(), event.type(), at, data), List.of(change.labelNumber()));
    }

    private LabelChanged read(IncomingEvent event) {
        try {
            return StrictJson.storedData(mapper, LabelChanged.class).readValue(event.data());
        } catch (JsonProcessingException e) {
            LOG.errorf("Unreadable label event %s of type %s [%s]", event.id(), event.type(), e.getClass().getName());
            throw new IllegalArgumentException("unreadable event " + event.id());
        }
    }
}
