package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.persistence.OrientationRequest;
import fr.pairaidance.orientation.persistence.RegistryState;
import fr.pairaidance.orientation.service.RequestService;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * A practitioner's requests received: the list, one request with what the employer will see once it is
 * accepted (shown before accepting), and the answer.
 */
@Path("/received")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PRACTITIONER)
public class ReceivedPages {

    private final Pages pages;
    private final RequestService requests;
    private final CurrentCaller caller;
    private final Template list;
    private final Template one;

    ReceivedPages(Pages pages, RequestService requests, CurrentCaller caller,
            @Location("received.html") Template list, @Location("received-one.html") Template one) {
        this.pages = pages;
        this.requests = requests;
        this.caller = caller;
        this.list = list;
        this.one = one;
    }

    @GET
    public TemplateInstance list() {
        return pages.page(list).data("requests", requests.received(caller.get()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(@PathParam("id") String id, @QueryParam("answered") String answered) {
        return page(uuid(id), null).data("answered", answered != null);
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm String answer) {
        UUID uuid = uuid(id);
        Caller me = caller.get();
        try {
            if ("accept".equals(answer)) {
                requests.accept(uuid, me);
            } else if ("decline".equals(answer)) {
                requests.decline(uuid, me);
            } else {
                return Response.status(400).entity(page(uuid, "choose").data("answered", false)).build();
            }
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Response.status(409).entity(page(uuid, "notAnswerable").data("answered", false)).build();
        }
        return Response.seeOther(URI.create("/received/" + uuid + "?answered=1")).build();
    }

    private TemplateInstance page(UUID id, String notice) {
        Caller me = caller.get();
        OrientationRequest r = requests.get(id, me).request();
        RegistryState self = RegistryState.findBySubject(me.subject()).orElse(null);
        return pages.page(one).data("r", r).data("self", self).data("notice", notice)
                .data("pending", r.status == OrientationRequest.Status.PENDING);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Orientation request", id);
        }
    }
}
