package fr.pairaidance.orientation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.orientation.persistence.OrientationRequest;
import fr.pairaidance.orientation.service.RequestDetails;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An orientation request; {@code contact} only for the employer who sent it, once accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"id": "3b0e8c9a-4d6f-4a51-9e2b-7c1d0f3a5b6e", "registryNumber": "PA-2026-000042", "status": "ACCEPTED",
         "area": "ze:8421", "domains": ["MENTAL_HEALTH"], "format": "PEER_GROUP", "workforceSize": 120,
         "message": "We would like to set up a peer group.", "createdAt": "2026-05-04T09:00:00Z",
         "expiresAt": "2026-05-18T09:00:00Z", "answeredAt": "2026-05-05T14:00:00Z",
         "contact": {"email": "camille.durand@example.org", "phone": "+33612345678"}}""")
public record RequestView(UUID id, String registryNumber, String status, String area, List<String> domains,
        String format, Integer workforceSize, String message, Instant createdAt, Instant expiresAt,
        Instant answeredAt, Instant closedAt, RequestDetails.Contact contact) {

    static RequestView of(OrientationRequest r) {
        return of(new RequestDetails(r, null));
    }

    static RequestView of(RequestDetails details) {
        OrientationRequest r = details.request();
        return new RequestView(r.id, r.registryNumber, r.status.name(), r.area, r.domains, r.format, r.workforceSize,
                r.message, r.createdAt, r.expiresAt, r.answeredAt, r.closedAt, details.contact());
    }

    /** A list of requests. */
    public record Items(List<RequestView> items) {

        static Items of(List<OrientationRequest> requests) {
            return new Items(requests.stream().map(RequestView::of).toList());
        }
    }
}
