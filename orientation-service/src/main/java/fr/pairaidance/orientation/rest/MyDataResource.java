package fr.pairaidance.orientation.rest;

import fr.pairaidance.platform.mail.MailSettings;
import fr.pairaidance.platform.mail.Mails;
import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.persistence.RegistryState;
import fr.pairaidance.orientation.service.DiagnosisService;
import fr.pairaidance.orientation.service.RequestService;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything this service holds about the signed-in person (GDPR rights of access and portability): for
 * a practitioner, what the register told it, what is published and the requests received; for an
 * employer, the requests sent and the saved self-diagnoses. The registry's "my data" page gathers a
 * practitioner's part with the other services' parts.
 */
@Path("/api/v1/my-data")
@Tag(name = "My data")
public class MyDataResource {

    /** What the register told this service (only what the practitioner consented to publish, and the zone). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Known(String registryNumber, String status, String publicName, String communeCode, String zoneCode,
            String departmentCode, String regionCode, List<String> modes, boolean remote, boolean listed,
            Integer consentVersion, List<String> domains, List<String> appellations, List<String> formats,
            List<String> languages, String contactEmail, String contactPhone, String siret, String employerName,
            Instant occurredAt) {

        static Known of(RegistryState r) {
            return new Known(r.registryNumber, r.status, r.publicName, r.communeCode, r.zoneCode, r.departmentCode,
                    r.regionCode, r.modes, r.remote, r.listed, r.consentVersion, r.domains, r.appellations,
                    r.formats, r.languages, r.contactEmail, r.contactPhone, r.siret, r.employerName, r.occurredAt);
        }
    }

    /** What employers and portals see of the practitioner while listed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Published(String registryNumber, String publicName, String communeCode, String zoneCode,
            List<String> modes, List<String> domains, List<String> appellations, List<String> formats,
            List<String> languages, boolean remote, String labelNumber, String labelState, LocalDate expiresOn) {

        static Published of(Listing l) {
            return new Published(l.registryNumber, l.publicName, l.communeCode, l.zoneCode, l.modes, l.domains,
                    l.appellations, l.formats, l.languages, l.remote, l.labelNumber, l.labelState, l.expiresOn);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyData(Known known, Published published, List<RequestView> requestsReceived,
            List<RequestView> requestsSent, List<DiagnosisService.Saved> savedDiagnoses, MailSettings mailSettings) {
    }

    private final RequestService requests;
    private final DiagnosisService diagnoses;
    private final CurrentCaller caller;
    private final Mails mails;

    MyDataResource(RequestService requests, DiagnosisService diagnoses, CurrentCaller caller, Mails mails) {
        this.mails = mails;
        this.requests = requests;
        this.diagnoses = diagnoses;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.EMPLOYER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything this service holds about me",
            description = "A practitioner: what the register told this service, what is published, the requests "
                    + "received. An employer: the requests sent, the saved self-diagnoses and the mail settings.")
    public MyData mine() {
        Caller me = caller.get();
        Known known = null;
        Published published = null;
        List<RequestView> received = null;
        if (me.has(Roles.PRACTITIONER)) {
            RegistryState state = RegistryState.findBySubject(me.subject()).orElse(null);
            known = state == null ? null : Known.of(state);
            published = state == null ? null : Listing.findByRegistryNumber(state.registryNumber).map(Published::of)
                    .orElse(null);
            received = requests.received(me).stream().map(RequestView::of).toList();
        }
        List<RequestView> sent = me.has(Roles.EMPLOYER) ? requests.mine(me).stream().map(RequestView::of).toList() : null;
        List<DiagnosisService.Saved> saved = me.has(Roles.EMPLOYER) ? diagnoses.saved(me) : null;
        MailSettings mailSettings = me.has(Roles.EMPLOYER) ? mails.settings(me.subject()) : null;
        return new MyData(known, published, received, sent, saved, mailSettings);
    }
}
