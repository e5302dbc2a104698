package fr.pairaidance.registry.web;

import fr.pairaidance.platform.problem.Problem;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import fr.pairaidance.platform.web.PlaceFinder;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.service.PractitionerAccess;
import fr.pairaidance.registry.service.PractitionerService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A practitioner's record in a form, for the practitioner's space (register, correct) and the agent's desk
 * (register one, correct one). The same rules as the API (the services check them); a correction names
 * the version it was made on, and one made on a version changed meanwhile shows the new version and keeps
 * what was typed.
 */
@jakarta.enterprise.context.ApplicationScoped
public class RecordForms {

    private final Pages pages;
    private final PractitionerService practitioners;
    private final CurrentCaller caller;
    private final PlaceFinder places;
    private final Template form;

    RecordForms(Pages pages, PractitionerService practitioners, CurrentCaller caller, PlaceFinder places,
            @Location("record-form.html") Template form) {
        this.pages = pages;
        this.practitioners = practitioners;
        this.caller = caller;
        this.places = places;
        this.form = form;
    }

    /** Resolves the commune, runs the save, and answers the next page or the form again with what is wrong. */
    Response save(String action, RecordForm typed, boolean self, Function<
            fr.pairaidance.registry.service.PractitionerInput, Practitioner> run, Function<Practitioner, String> next) {
        RegistryMessages msg = pages.messages(RegistryMessages.class);
        FormErrors errors = FormErrors.none();
        List<PlaceFinder.Place> communes = places.communes(typed.commune());
        String communeCode = communes.size() == 1 ? communes.get(0).area().substring("com:".length()) : null;
        if (communeCode == null) {
            errors.add("commune", typed.commune().isBlank() ? msg.fieldError("communeCode")
                    : communes.isEmpty() ? msg.communeNotFound(typed.commune()) : msg.communeAmbiguous(String.join(", ",
                            communes.stream().map(PlaceFinder.Place::label).toList())));
        }
        try {
            Practitioner saved = run.apply(typed.input(communeCode == null ? "" : communeCode));
            return Response.seeOther(URI.create(next.apply(saved))).build();
        } catch (ProblemException e) {
            Problem problem = e.toProblem(null, null);
            if (e.status() == 412) {
                Practitioner current = currentOf(action);
                RecordForm keep = new RecordForm(typed.givenName(), typed.familyName(), typed.birthDate(), typed.email(),
                        typed.phone(), typed.commune(), typed.domains(), typed.appellations(), typed.modes(),
                        typed.siret(), typed.employerName(), typed.formats(), typed.languages(), typed.remote(),
                        Long.toString(current.version));
                return Response.status(409).entity(page(action, keep, errors, shown(current), self)).build();
            }
            if (e.status() == 409) {
                errors.add("email", msg.alreadyRegistered());
            } else if (e.status() != 400 && e.status() != 422) {
                throw e;
            }
            for (Problem.FieldError error : problem.errors()) {
                String field = error.field().replaceFirst("[\\[.].*$", "");
                errors.add(field.equals("communeCode") ? "commune" : field, error.message().contains("already")
                        ? msg.emailTaken() : error.message().contains("account") ? msg.emailNotYours()
                        : msg.fieldError(field));
            }
            return Response.status(400).entity(page(action, typed, errors, null, self)).build();
        }
    }

    /** A stored record in the form, its commune written with its name and postal code. */
    RecordForm shown(Practitioner p) {
        return RecordForm.of(p).withCommune(places.communeLabel(p.communeCode));
    }

    private Practitioner currentOf(String action) {
        if (action.startsWith("/me/")) {
            return practitioners.me(caller.get());
        }
        return PractitionerAccess.load(uuid(action.split("/")[3]));
    }

    TemplateInstance page(String action, RecordForm record, FormErrors errors, RecordForm changed,
            boolean self) {
        Caller me = caller.get();
        return pages.page(form).data("record", record).data("errors", errors).data("action", action)
                .data("changed", changed).data("self", self)
                .data("emailLocked", self && me.email() != null && me.emailVerified());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Practitioner", id);
        }
    }
}
