package fr.pairaidance.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@link Caller} of the request being handled (resources are singletons: ask on each call). */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        return Caller.of(identity);
    }
}
