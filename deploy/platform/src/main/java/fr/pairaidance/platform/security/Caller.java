package fr.pairaidance.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's subject, roles and (verified) email. Anonymous callers have a null
 * subject and no roles.
 */
public record Caller(String subject, Set<String> roles, String email, boolean emailVerified, String displayName) {

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, Set.of(), null, false, null);
        }
        String subject = identity.getPrincipal().getName();
        String email = null;
        boolean verified = false;
        String name = subject;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            email = jwt.getClaim("email");
            Object flag = jwt.getClaim("email_verified");
            verified = flag != null && Boolean.parseBoolean(flag.toString());
            String preferred = jwt.getClaim("preferred_username");
            name = preferred != null ? preferred : subject;
        }
        return new Caller(subject, Set.copyOf(identity.getRoles()), email, verified, name);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAnonymous() {
        return subject == null;
    }
}
