package fr.pairaidance.orientation.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.contracts.RequestChanged;
import fr.pairaidance.orientation.persistence.OrientationRequest;
import fr.pairaidance.orientation.web.OrientationMessages;
import fr.pairaidance.platform.inbox.Inbox;
import fr.pairaidance.platform.inbox.IncomingEvent;
import fr.pairaidance.platform.mail.MailContent;
import fr.pairaidance.platform.mail.Mails;
import fr.pairaidance.platform.web.WebConfig;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns the answers to an employer's requests ({@code orientation.request}: accepted, declined, expired)
 * into mails to the address the employer signed in with. An accepted request's mail links to the
 * request's page, where the employer reads the practitioner's contact; the mail never holds it.
 */
@ApplicationScoped
public class EmployerMails {

    static final String CONSUMER = "orientation-mail";

    private final Inbox inbox;
    private final Mails mails;
    private final ObjectMapper json;
    private final WebConfig web;

    EmployerMails(Inbox inbox, Mails mails, ObjectMapper json, WebConfig web) {
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
        EmployerMailKind kind = event.isTombstone() || event.type() == null ? null : kindOf(event.type());
        if (kind == null) {
            return;
        }
        JsonNode data = parse(event.data());
        String occurredAt = data.path("occurredAt").asText(null);
        if (mails.tooOld(occurredAt == null ? null : Instant.parse(occurredAt))) {
            return;
        }
        OrientationRequest request = OrientationRequest.findById(UUID.fromString(data.path("requestId").asText()));
        if (request == null) {
            return;
        }
        mails.enqueue(event.id() + ":" + kind.name(), request.employerSubject, request.employerEmail, kind,
                locale -> content(kind, request, locale));
    }

    static EmployerMailKind kindOf(String type) {
        return switch (type) {
            case RequestChanged.ACCEPTED -> EmployerMailKind.REQUEST_ACCEPTED;
            case RequestChanged.DECLINED -> EmployerMailKind.REQUEST_DECLINED;
            case RequestChanged.EXPIRED -> EmployerMailKind.REQUEST_EXPIRED;
            default -> null;
        };
    }

    private MailContent content(EmployerMailKind kind, OrientationRequest request, Locale locale) {
        OrientationMessages m = MessageBundles.get(OrientationMessages.class,
                Localized.Literal.of(locale.toLanguageTag()));
        String site = web.sites().getOrDefault("orientation", "");
        String page = site + "/requests/" + request.id;
        String settings = site + "/requests/mails";
        return switch (kind) {
            case REQUEST_ACCEPTED -> new MailContent(m.mailAcceptedSubject(),
                    List.of(m.mailAcceptedBody(request.registryNumber)), m.mailReadContact(), page, settings);
            case REQUEST_DECLINED -> new MailContent(m.mailDeclinedSubject(),
                    List.of(m.mailDeclinedBody(request.registryNumber)), m.mailSearchAgain(), site + "/search", settings);
            case REQUEST_EXPIRED -> new MailContent(m.mailExpiredSubject(),
                    List.of(m.mailExpiredBody(request.registryNumber)), m.mailSearchAgain(), site + "/search", settings);
        };
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON", e);
        }
    }
}
