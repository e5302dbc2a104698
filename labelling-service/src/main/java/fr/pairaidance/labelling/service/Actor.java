package fr.pairaidance.labelling.service;

import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.Roles;

/**
 * Who took a decision, as the audit trail records it: staff by subject and display name; a
 * practitioner acting for themselves by role only (their id is on the record already, and no
 * personal data must outlive their erasure); the system for time-driven and registry changes.
 */
public record Actor(String subject, String name) {

    public static final Actor SYSTEM = new Actor(null, "system");
    public static final Actor REGISTRY = new Actor(null, "registry");

    public static Actor of(Caller caller) {
        if (caller.has(Roles.REGULATOR) || caller.has(Roles.REGISTRY_AGENT)) {
            return new Actor(caller.subject(), caller.displayName() == null ? caller.subject() : caller.displayName());
        }
        return new Actor(null, Roles.PRACTITIONER);
    }
}
