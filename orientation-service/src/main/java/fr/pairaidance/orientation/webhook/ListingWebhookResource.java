package fr.pairaidance.orientation.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.webhook.WebhookConfig;
import fr.pairaidance.platform.webhook.WebhookSubscriptionResource;
import fr.pairaidance.platform.webhook.WebhookSubscriptions;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions of job portals and agencies to the listing changes of an area. */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Listing changes of an area pushed to your endpoint (Standard Webhooks); see deploy/docs/events.md#webhooks")
public class ListingWebhookResource extends WebhookSubscriptionResource {

    private final ListingWebhooks webhooks;

    ListingWebhookResource(WebhookSubscriptions subscriptions, ListingWebhooks webhooks, CurrentCaller caller, ObjectMapper mapper,
            WebhookConfig config) {
        super(subscriptions, caller, mapper, config);
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint to the listing changes of an area",
            description = "The answer carries the signing secret (whsec_...) once: keep it. The URL must be https "
                    + "and resolve to public addresses only.")
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is in the answer")
    @APIResponse(responseCode = "400", description = "A field is wrong (url, eventTypes, filter.area, contactEmail)")
    public Response create(@NotNull ListingWebhookInput input) {
        List<Problem.FieldError> faults = new ArrayList<>();
        return created(webhooks.subscription(input, faults), ListingWebhooks.EVENT_TYPES, faults);
    }
}
