package fr.pairaidance.localsystem;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo users and service-account clients of deploy/keycloak/pairaidance-realm.json (keep both
 * in step), and how to get their tokens.
 */
final class DemoAccounts {

    record User(String username, String password, String role) {
    }

    record ServiceAccount(String clientId, String secret, String role) {
    }

    /** Public client with direct access grants (password grant): for local demos only. */
    static final String CLI_CLIENT = "pairaidance-cli";

    static final List<User> USERS = List.of(
            new User("agent", "agent", "registry-agent"),
            new User("camille", "camille", "practitioner"),
            new User("dominique", "dominique", "practitioner"),
            new User("regine", "regine", "regulator"),
            new User("raphael", "raphael", "regulator"),
            new User("emma", "emma", "employer"),
            new User("eric", "eric", "employer"));

    static final ServiceAccount AGENCY = new ServiceAccount("pairaidance-agency", "agency-secret", "registry-agent");
    static final ServiceAccount JOB_PORTAL = new ServiceAccount("pairaidance-job-portal", "portal-secret", "job-portal");
    static final List<ServiceAccount> SERVICE_ACCOUNTS = List.of(AGENCY, JOB_PORTAL);

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private DemoAccounts() {
    }

    static String tokenEndpoint(LocalOptions options) {
        return options.issuerUrl() + "/protocol/openid-connect/token";
    }

    /** An access token of a service account (client credentials grant). */
    static String token(LocalOptions options, ServiceAccount account) throws IOException {
        HttpResponse<String> response = Http.postForm(tokenEndpoint(options), Map.of(
                "grant_type", "client_credentials",
                "client_id", account.clientId(),
                "client_secret", account.secret()));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("no token for " + account.clientId() + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return token.group(1);
    }
}
