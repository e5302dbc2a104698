package fr.pairaidance.platform.web;

/** The paths every service shares: which are for machines, which for people. */
public final class WebPaths {

    public static final String API = "/api/";
    public static final String QUARKUS = "/q/";
    public static final String STATIC = "/static/";
    public static final String SIGN_IN = "/sign-in";
    public static final String SIGN_OUT = "/sign-out";
    public static final String SIGNED_OUT = "/signed-out";
    public static final String LANGUAGE = "/language";
    public static final String ACCESSIBILITY = "/accessibility";

    private WebPaths() {
    }

    /** The API, health, metrics and OpenAPI: answered in JSON (problem+json on errors), never redirected. */
    public static boolean isMachinePath(String path) {
        return path == null || path.startsWith(API) || path.startsWith(QUARKUS) || path.equals("/api")
                || path.equals("/q");
    }

    /**
     * A path of this site to return to after signing in or changing language: a local absolute path only
     * (never {@code //host} or a scheme), else the home page.
     */
    public static String localOrHome(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")
                || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            java.net.URI.create(target);
            return target;
        } catch (IllegalArgumentException notAnAddress) {
            return "/";
        }
    }
}
