package fr.pairaidance.registry.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.contracts.ApplicationChanged;
import fr.pairaidance.contracts.LabelChanged;
import fr.pairaidance.contracts.RequestChanged;
import fr.pairaidance.platform.inbox.Inbox;
import fr.pairaidance.platform.inbox.IncomingEvent;
import fr.pairaidance.platform.mail.MailContent;
import fr.pairaidance.platform.mail.Mails;
import fr.pairaidance.platform.web.WebConfig;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.web.RegistryMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns the events that concern a practitioner (their label, their application, an employer's request)
 * into mails to the address of their record: registry-service holds it, so it sends them. A mail says
 * what happened and links to the page where the practitioner acts; it never carries a reason, a
 * lived-experience domain or anything else the record holds.
 */
@ApplicationScoped
public class PractitionerMails {

    static final String CONSUMER = "registry-mail";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Inbox inbox;
    private final Mails mails;
    private final ObjectMapper json;
    private final WebConfig web;

    PractitionerMails(Inbox inbox, Mails mails, ObjectMapper json, WebConfig web) {
        this.inbox = inbox;
        this.mails = mails;
        this.json = json;
        this.web = web;
    }

    /** Queues the mails of a batch of events, each event once (the inbox), in one transaction. */
    @Transactional
    public void apply(List<IncomingEvent> events) {
        inbox.handleFirstDeliveries(CONSUMER, events, this::handle);
    }

    private void handle(IncomingEvent event) {
        if (event.isTombstone() || event.type() == null) {
            return;
        }
        JsonNode data = parse(event.data());
        PractitionerMailKind kind = kindOf(event.type(), data);
        if (kind == null || mails.tooOld(instantOrNull(data.path("occurredAt").asText(null)))) {
            return;
        }
        UUID practitionerId = UUID.fromString(data.path("practitionerId").asText());
        Practitioner p = Practitioner.findById(practitionerId);
        if (p == null || !p.isActive()) {
            return;
        }
        mails.enqueue(event.id() + ":" + kind.name(), p.id.toString(), p.email, kind,
                locale -> content(kind, data, locale));
    }

    /** The mail an event means for the practitioner, or null when it means none. */
    static PractitionerMailKind kindOf(String type, JsonNode data) {
        return switch (type) {
            case LabelChanged.GRANTED -> PractitionerMailKind.LABEL_GRANTED;
            case LabelChanged.SUSPENDED -> PractitionerMailKind.LABEL_SUSPENDED;
            case LabelChanged.REINSTATED -> PractitionerMailKind.LABEL_REINSTATED;
            case LabelChanged.REVOKED -> PractitionerMailKind.LABEL_REVOKED;
            case LabelChanged.RENEWAL_DUE -> PractitionerMailKind.RENEWAL_DUE;
            case LabelChanged.EXPIRED -> PractitionerMailKind.LABEL_EXPIRED;
            case ApplicationChanged.REFUSED -> PractitionerMailKind.APPLICATION_REFUSED;
            case ApplicationChanged.APPEAL_DECIDED -> PractitionerMailKind.APPEAL_DECIDED;
            case RequestChanged.REQUESTED -> PractitionerMailKind.REQUEST_RECEIVED;
            default -> null;
        };
    }

    private MailContent content(PractitionerMailKind kind, JsonNode data, Locale locale) {
        RegistryMessages m = MessageBundles.get(RegistryMessages.class, Localized.Literal.of(locale.toLanguageTag()));
        String number = data.path("labelNumber").asText("");
        String labels = site("labelling") + "/my/labels";
        String settings = site("registry") + "/me/mails";
        return switch (kind) {
            case LABEL_GRANTED -> new MailContent(m.mailGrantedSubject(),
                    List.of(m.mailGrantedBody(number, date(data.path("expiresOn").asText(null), locale))),
                    m.mailSeeLabel(), labels, settings);
            case LABEL_SUSPENDED -> new MailContent(m.mailSuspendedSubject(), List.of(m.mailSuspendedBody(number),
                    m.mailReasonOnPage()), m.mailSeeLabel(), labels, settings);
            case LABEL_REINSTATED -> new MailContent(m.mailReinstatedSubject(), List.of(m.mailReinstatedBody(number)),
                    m.mailSeeLabel(), labels, settings);
            case LABEL_REVOKED -> new MailContent(m.mailRevokedSubject(), List.of(m.mailRevokedBody(number),
                    m.mailReasonOnPage()), m.mailSeeLabel(), labels, settings);
            case RENEWAL_DUE -> new MailContent(m.mailRenewalSubject(),
                    List.of(m.mailRenewalBody(number, date(data.path("expiresOn").asText(null), locale))),
                    m.mailRenew(), labels + "/applications", settings);
            case LABEL_EXPIRED -> new MailContent(m.mailExpiredSubject(), List.of(m.mailExpiredBody(number)),
                    m.mailSeeLabel(), labels, settings);
            case APPLICATION_REFUSED -> new MailContent(m.mailRefusedSubject(), List.of(m.mailRefusedBody(),
                    m.mailReasonOnPage()), m.mailSeeApplication(), labels + "/applications", settings);
            case APPEAL_DECIDED -> "UPHELD".equals(data.path("appealOutcome").asText())
                    ? new MailContent(m.mailAppealUpheldSubject(), List.of(m.mailAppealUpheldBody(number)),
                            m.mailSeeLabel(), labels, settings)
                    : new MailContent(m.mailAppealDismissedSubject(), List.of(m.mailAppealDismissedBody(),
                            m.mailReasonOnPage()), m.mailSeeApplication(), labels + "/applications", settings);
            case REQUEST_RECEIVED -> new MailContent(m.mailRequestSubject(),
                    List.of(m.mailRequestBody(instant(data.path("expiresAt").asText(null), locale))),
                    m.mailSeeRequest(), site("orientation") + "/received/" + data.path("requestId").asText(""),
                    settings);
        };
    }

    private String site(String name) {
        return web.sites().getOrDefault(name, "");
    }

    private static String date(String isoDate, Locale locale) {
        return isoDate == null ? "" : LocalDate.parse(isoDate)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static String instant(String isoInstant, Locale locale) {
        return isoInstant == null ? "" : Instant.parse(isoInstant).atZone(PARIS).toLocalDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static Instant instantOrNull(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON", e);
        }
    }
}
