package fr.pairaidance.labelling.rest;

import fr.pairaidance.platform.problem.ProblemException;
import java.util.UUID;

/** UUID query parameters taken as text, so that a malformed one is a 400 naming it. */
final class Ids {

    private Ids() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }
}
