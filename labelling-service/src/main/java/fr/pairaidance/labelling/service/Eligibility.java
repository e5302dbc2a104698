package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.platform.problem.Problem.FieldError;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a practitioner may apply for a label: known to the register, ACTIVE (not withdrawn), and
 * with the common core complete, as the registry's events say.
 */
@ApplicationScoped
public class Eligibility {

    /** The practitioner an application is for: the one an agent names, or the signed-in practitioner. */
    public PractitionerEligibility applicant(UUID requested, Caller caller) {
        UUID id = requested;
        if (!caller.has(Roles.REGISTRY_AGENT)) {
            Optional<UUID> own = Access.practitionerOf(caller);
            if (own.isEmpty()) {
                throw notEligible(List.of(new FieldError("practitionerId",
                        "no practitioner of the register is linked to your account")));
            }
            if (requested != null && !requested.equals(own.get())) {
                throw ProblemException.forbidden("a practitioner may only apply for themselves");
            }
            id = own.get();
        } else if (requested == null) {
            throw ProblemException.badRequest("practitionerId", "is required when an agent applies");
        }
        PractitionerEligibility p = PractitionerEligibility.findById(id);
        if (p == null) {
            throw notEligible(List.of(new FieldError("practitionerId", "is not known to the register")));
        }
        List<FieldError> missing = new ArrayList<>();
        if (!PractitionerEligibility.ACTIVE.equals(p.status)) {
            missing.add(new FieldError("status", "is " + p.status + "; the practitioner must be ACTIVE in the register"));
        }
        if (!p.coreComplete) {
            missing.add(new FieldError("coreComplete", "the common core of training is not complete"));
        }
        if (!missing.isEmpty()) {
            throw notEligible(missing);
        }
        return p;
    }

    /** What keeps the signed-in practitioner from applying (the fields the refusal names); empty when eligible. */
    public List<String> missing(Caller caller) {
        try {
            applicant(null, caller);
            return List.of();
        } catch (ProblemException e) {
            if (e.status() != 422) {
                throw e;
            }
            return e.toProblem(null, null).errors().stream().map(FieldError::field).toList();
        }
    }

    public void requireNotWithdrawn(UUID practitionerId) {
        PractitionerEligibility p = PractitionerEligibility.findById(practitionerId);
        if (p != null && p.isWithdrawn()) {
            throw ProblemException.conflict("practitioner-withdrawn", "Practitioner withdrawn",
                    "the practitioner has left the register");
        }
    }

    private static ProblemException notEligible(List<FieldError> missing) {
        return new ProblemException(422, "not-eligible", "Practitioner not eligible",
                "the practitioner may not apply for a label: " + String.join("; ",
                        missing.stream().map(e -> e.field() + " " + e.message()).toList()), missing);
    }
}
