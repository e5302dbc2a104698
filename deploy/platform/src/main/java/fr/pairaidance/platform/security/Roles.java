package fr.pairaidance.platform.security;

/** The realm roles of the Keycloak realm {@code pairaidance}. */
public final class Roles {
    public static final String REGISTRY_AGENT = "registry-agent";
    public static final String PRACTITIONER = "practitioner";
    public static final String REGULATOR = "regulator";
    public static final String EMPLOYER = "employer";
    public static final String JOB_PORTAL = "job-portal";

    private Roles() {
    }
}
