package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.Roles;
import java.util.Optional;
import java.util.UUID;

/** Who may see and act on a practitioner's applications and labels: staff, or the practitioner. */
public final class Access {

    private Access() {
    }

    public static boolean isStaff(Caller caller) {
        return caller.has(Roles.REGULATOR) || caller.has(Roles.REGISTRY_AGENT);
    }

    /** The practitioner the signed-in account belongs to (from the {@code subject} of registry events). */
    public static Optional<UUID> practitionerOf(Caller caller) {
        if (caller.subject() == null || !caller.has(Roles.PRACTITIONER)) {
            return Optional.empty();
        }
        return PractitionerEligibility.findBySubject(caller.subject()).map(p -> p.practitionerId);
    }

    public static boolean isOwner(UUID practitionerId, Caller caller) {
        return practitionerOf(caller).map(practitionerId::equals).orElse(false);
    }

    /** Staff see every record; a practitioner only their own. */
    public static void requireReadable(UUID practitionerId, Caller caller) {
        if (!isStaff(caller) && !isOwner(practitionerId, caller)) {
            throw ProblemException.forbidden("a practitioner may only see their own applications and labels");
        }
    }

    public static ProblemException transition(String what, Object state, String action) {
        return ProblemException.conflict("invalid-transition", "Transition not allowed",
                "a " + state + " " + what + " cannot be " + action);
    }
}
