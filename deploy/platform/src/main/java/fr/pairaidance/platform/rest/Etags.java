package fr.pairaidance.platform.rest;

import fr.pairaidance.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** ETags from entity versions, and the If-Match check of state changes (optimistic concurrency). */
public final class Etags {

    public static final String IF_MATCH = "If-Match";

    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @throws ProblemException 428 when If-Match is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim().replaceFirst("^W/", "");
            if (tag.equals("*") || tag.equals(expected)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("the resource is at version " + expected
                + "; read it again and retry with that ETag");
    }
}
