package fr.pairaidance.labelling.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelCredential;
import fr.pairaidance.labelling.persistence.LabelDecision;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.labelling.service.Access;
import fr.pairaidance.labelling.service.LabelQueries;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything this service holds about the signed-in practitioner (GDPR rights of access and
 * portability): what it knows from the register, the applications, the labels with their history and
 * the credentials issued. The registry's "my data" page gathers it with the other services' parts.
 */
@Path("/api/v1/my-data")
@Tag(name = "My data")
public class MyDataResource {

    /** What this service knows of the practitioner from the register's events. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Known(String registryNumber, String publicName, String status, String regionCode,
            boolean coreComplete, boolean domainsPublished, Instant updatedAt) {
    }

    /** A credential issued for a label: when, until when, its place in the status lists and its bits. */
    public record Credential(UUID id, Instant issuedAt, Instant validUntil, int statusList, int statusIndex,
            boolean revoked, boolean suspended) {
    }

    /** A label, its decisions and its credentials. */
    public record Held(LabelView label, List<LabelDecisionView> history, List<Credential> credentials) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyData(Known known, List<ApplicationView> applications, List<Held> labels) {
    }

    private final LabelQueries queries;
    private final CurrentCaller caller;

    MyDataResource(LabelQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.PRACTITIONER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything this service holds about me",
            description = "What the register told this service, the applications with their decisions, the labels "
                    + "with their history and credentials. Empty parts when the service holds nothing about you.")
    public MyData mine() {
        Caller me = caller.get();
        Known known = Access.practitionerOf(me).flatMap(id -> PractitionerEligibility.<PractitionerEligibility>findByIdOptional(id))
                .map(e -> new Known(e.registryNumber, e.publicName, e.status, e.regionCode, e.coreComplete,
                        e.domainsPublished, e.updatedAt))
                .orElse(null);
        List<ApplicationView> applications = queries.myApplications(me).stream().map(ApplicationView::of).toList();
        List<Held> labels = queries.myLabels(me).stream().map(MyDataResource::held).toList();
        return new MyData(known, applications, labels);
    }

    private static Held held(Label label) {
        return new Held(LabelView.of(label), LabelDecision.of(label.id).stream().map(LabelDecisionView::of).toList(),
                LabelCredential.of(label.id).stream().map(c -> new Credential(c.id, c.issuedAt, c.validUntil,
                        c.statusList, c.statusIndex, c.revoked, c.suspended)).toList());
    }
}
