package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.service.RequestInput;
import fr.pairaidance.orientation.service.RequestService;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orientation requests")
public class RequestResource {

    private final RequestService requests;
    private final CurrentCaller caller;

    RequestResource(RequestService requests, CurrentCaller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EMPLOYER)
    @Operation(summary = "Ask one practitioner, or the best matches, for peer help",
            description = "Give registryNumber (one published practitioner) or bestMatches (1 to 5: the first results "
                    + "of the orientation search for the area, domains and format). One request per practitioner.")
    @APIResponse(responseCode = "201", description = "The requests sent")
    @APIResponse(responseCode = "404", description = "No published practitioner has this registry number")
    @APIResponse(responseCode = "422", description = "Nobody matches, even remotely (problem no-match)")
    public Response send(@Valid @NotNull RequestInput input) {
        return Response.status(201).entity(RequestView.Items.of(requests.send(input, caller.get()))).build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.EMPLOYER)
    @Operation(summary = "The requests the signed-in employer sent")
    public RequestView.Items mine() {
        return RequestView.Items.of(requests.mine(caller.get()));
    }

    @GET
    @Path("/received")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "The requests the signed-in practitioner received")
    public RequestView.Items received() {
        return RequestView.Items.of(requests.received(caller.get()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.EMPLOYER, Roles.PRACTITIONER})
    @Operation(summary = "One request",
            description = "For the employer who sent it (with the practitioner's shared contact details once accepted) "
                    + "or the practitioner who received it; 404 for anyone else.")
    public RequestView get(@PathParam("id") UUID id) {
        return RequestView.of(requests.get(id, caller.get()));
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Accept a request: releases your shared contact details to that employer only")
    @APIResponse(responseCode = "409", description = "Already answered, expired or closed")
    public RequestView accept(@PathParam("id") UUID id) {
        return RequestView.of(requests.accept(id, caller.get()));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Decline a request")
    @APIResponse(responseCode = "409", description = "Already answered, expired or closed")
    public RequestView decline(@PathParam("id") UUID id) {
        return RequestView.of(requests.decline(id, caller.get()));
    }
}
