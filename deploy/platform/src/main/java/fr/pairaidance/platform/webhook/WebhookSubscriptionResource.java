package fr.pairaidance.platform.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The webhook subscription API of a service (Standard Webhooks), written once: a service's resource
 * extends it at {@code /api/v1/webhooks} and adds only {@code POST}, whose body names what it follows.
 * A subscription belongs to the client that created it: any other gets 404.
 */
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.JOB_PORTAL, Roles.REGISTRY_AGENT})
public abstract class WebhookSubscriptionResource {

    protected final WebhookSubscriptions subscriptions;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;
    private final WebhookConfig config;

    protected WebhookSubscriptionResource(WebhookSubscriptions subscriptions, CurrentCaller caller,
            ObjectMapper mapper, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.mapper = mapper;
        this.config = config;
    }

    /** Creates the caller's subscription: 201, its address, and the secret shown this once. */
    protected Response created(WebhookSubscriptions.NewSubscription subscription, Set<String> eventTypes,
            List<Problem.FieldError> faults) {
        WebhookSubscriptions.WithSecret created = subscriptions.create(owner(), subscription, eventTypes, faults);
        return Response.created(URI.create("/api/v1/webhooks/" + created.subscription().id))
                .entity(WebhookViews.Subscription.of(created.subscription(), created.secret(), mapper)).build();
    }

    @GET
    @Operation(summary = "Your subscriptions")
    public WebhookViews.Subscriptions list() {
        return new WebhookViews.Subscriptions(subscriptions.list(owner()).stream()
                .map(s -> WebhookViews.Subscription.of(s, null, mapper)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your subscriptions")
    public WebhookViews.Subscription get(@PathParam("id") String id) {
        return WebhookViews.Subscription.of(subscriptions.get(owner(), id(id)), null, mapper);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe", description = "Deletes the subscription and its delivery log.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(owner(), id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotate the signing secret",
            description = "The answer carries the new secret once. The previous one still signs (a second signature "
                    + "in webhook-signature) until previousSecretExpiresAt.")
    public WebhookViews.Subscription rotate(@PathParam("id") String id) {
        WebhookSubscriptions.WithSecret rotated = subscriptions.rotateSecret(owner(), id(id));
        return WebhookViews.Subscription.of(rotated.subscription(), rotated.secret(), mapper);
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a test event", description = "Type " + WebhookSubscriptions.TEST_EVENT_TYPE
            + ", whatever types the subscription follows; follow it in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "409", description = "The subscription is disabled")
    public Response test(@PathParam("id") String id) {
        return Response.accepted(WebhookViews.Delivery.of(subscriptions.sendTest(owner(), id(id)))).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first")
    public WebhookViews.DeliveryPage deliveries(@PathParam("id") String id,
            @QueryParam("page") @Parameter(description = "From 0") String page,
            @QueryParam("size") @Parameter(description = "Default 20") String size) {
        return subscriptions.deliveries(owner(), id(id), QueryParams.integer("page", page, 0, 0, 100_000),
                QueryParams.integer("size", size, 20, 1, config.maxPageSize()));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled subscription",
            description = "After a 410 or a long failure; its pending deliveries are sent again.")
    public WebhookViews.Subscription enable(@PathParam("id") String id) {
        return WebhookViews.Subscription.of(subscriptions.enable(owner(), id(id)), null, mapper);
    }

    protected String owner() {
        return caller.get().subject();
    }

    /** A malformed id names no subscription: 404, as someone else's. */
    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Webhook subscription", value);
        }
    }
}
