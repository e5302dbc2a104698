package fr.pairaidance.registry.service;

import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.persistence.Practitioner;
import java.util.UUID;

/** Who may see and change a practitioner's record: agents and regulators, or the practitioner. */
public final class PractitionerAccess {

    private PractitionerAccess() {
    }

    public static Practitioner load(UUID id) {
        Practitioner p = Practitioner.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Practitioner", id.toString());
        }
        return p;
    }

    /** Agents and regulators read every record; a practitioner only their own. */
    public static Practitioner readable(UUID id, Caller caller) {
        Practitioner p = load(id);
        if (caller.has(Roles.REGISTRY_AGENT) || caller.has(Roles.REGULATOR) || isOwner(p, caller)) {
            return p;
        }
        throw ProblemException.forbidden("a practitioner may only read their own record");
    }

    /** Agents change every record; a practitioner only their own. */
    public static Practitioner writable(UUID id, Caller caller) {
        Practitioner p = load(id);
        if (caller.has(Roles.REGISTRY_AGENT) || isOwner(p, caller)) {
            requireActive(p);
            return p;
        }
        throw ProblemException.forbidden("a practitioner may only change their own record");
    }

    /** Only the practitioner: consents are theirs to give. */
    public static Practitioner ownOnly(UUID id, Caller caller) {
        Practitioner p = load(id);
        if (!isOwner(p, caller)) {
            throw ProblemException.forbidden("only the practitioner may change their consents");
        }
        requireActive(p);
        return p;
    }

    public static void requireActive(Practitioner p) {
        if (!p.isActive()) {
            throw ProblemException.conflict("practitioner-withdrawn", "Practitioner withdrawn",
                    "the practitioner " + p.registryNumber + " has withdrawn from the register");
        }
    }

    private static boolean isOwner(Practitioner p, Caller caller) {
        return caller.has(Roles.PRACTITIONER) && caller.subject() != null && caller.subject().equals(p.subject);
    }
}
