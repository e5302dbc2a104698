package fr.pairaidance.localsystem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the newcomer reads once everything is up: addresses, accounts, token commands. */
final class Summary {

    enum State { READY, NOT_READY, NOT_BUILT, PORT_IN_USE }

    private static final String TOKEN_FROM_JSON = " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')";

    private Summary() {
    }

    /** One line per site to open in a browser, the orientation platform first: it is where a newcomer starts. */
    static List<String> webAddresses(List<ServiceDefinition> services) {
        return services.stream()
                .sorted(Comparator.comparing(service -> !service.name().equals("orientation-service")))
                .map(service -> String.format(Locale.ROOT, "    %-44s %s/", switch (service.name()) {
                    case "orientation-service" -> "Find a labelled peer helper (employers)";
                    case "labelling-service" -> "Verify a label";
                    default -> "The national register";
                }, service.baseUrl()))
                .toList();
    }

    static void print(LocalOptions options, Map<ServiceDefinition, State> services, long startedNanos) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("[local] Local system ready in " + Console.seconds(startedNanos) + ". Ctrl-C stops everything.");
        lines.add("");
        lines.add("  Open in a browser (sign in with a demo account below: the password is the user name)");
        lines.addAll(webAddresses(services.entrySet().stream().filter(e -> e.getValue() == State.READY)
                .map(Map.Entry::getKey).toList()));
        lines.add("    Demo accounts: " + DemoAccounts.USERS.stream().map(u -> u.username() + " (" + u.role() + ")")
                .collect(Collectors.joining(", ")));
        lines.add("");
        lines.add("  Services");
        services.forEach((service, state) -> lines.add(switch (state) {
            case READY -> String.format(Locale.ROOT, "    %-20s %s   Swagger UI %s/q/swagger-ui",
                    service.name(), service.baseUrl(), service.baseUrl());
            case NOT_READY -> String.format(Locale.ROOT, "    %-20s %s   NOT READY: see %s",
                    service.name(), service.baseUrl(), options.logFile(service.name()));
            case NOT_BUILT -> String.format(Locale.ROOT, "    %-20s not built: skipped", service.name());
            case PORT_IN_USE -> String.format(Locale.ROOT, "    %-20s not started: port %d was in use",
                    service.name(), service.port());
        }));
        lines.add(String.format(Locale.ROOT, "  %-22s %s/admin   %s / %s   realm %s", "Keycloak",
                options.keycloakUrl(), KeycloakProcess.ADMIN, KeycloakProcess.ADMIN, KeycloakProcess.REALM));
        lines.add(String.format(Locale.ROOT, "  %-22s localhost:%d   %s / %s   databases %s", "PostgreSQL",
                options.postgresPort(), PostgresProcess.USER, PostgresProcess.PASSWORD,
                options.services().stream().map(ServiceDefinition::database).collect(Collectors.joining(", "))));
        lines.add(String.format(Locale.ROOT, "  %-22s %s", "Kafka", options.kafkaBootstrapServers()));
        lines.add(String.format(Locale.ROOT, "  %-22s localhost:%d   read what was sent: %s/api/user/<address>/messages/INBOX"
                + "   (API %s/)", "Mail (SMTP)", options.smtpPort(), options.mailUrl(), options.mailUrl()));
        lines.add(String.format(Locale.ROOT, "  %-22s %s   (logs in %s)", "Data", options.dataDir(), options.logDir()));
        lines.add("");
        lines.add("  Tokens (local demo accounts; people get theirs by password grant on the local-only client "
                + DemoAccounts.CLI_CLIENT + "):");
        lines.add("    KC=" + DemoAccounts.tokenEndpoint(options));
        for (DemoAccounts.User user : DemoAccounts.USERS) {
            lines.add("    " + user.username().toUpperCase(Locale.ROOT) + "=$(curl -s $KC -d grant_type=password -d client_id="
                    + DemoAccounts.CLI_CLIENT + " -d username=" + user.username() + " -d password=" + user.password()
                    + TOKEN_FROM_JSON + "   # " + user.role());
        }
        for (DemoAccounts.ServiceAccount account : DemoAccounts.SERVICE_ACCOUNTS) {
            lines.add("    " + account.clientId().replace("pairaidance-", "").replace('-', '_').toUpperCase(Locale.ROOT)
                    + "=$(curl -s $KC -d grant_type=client_credentials -d client_id=" + account.clientId()
                    + " -d client_secret=" + account.secret() + TOKEN_FROM_JSON + "   # " + account.role());
        }
        ServiceDefinition first = options.services().get(0);
        lines.add("  then, for example:");
        lines.add("    curl -H \"Authorization: Bearer $AGENT\" " + first.baseUrl() + DemoData.PRACTITIONERS_PATH);
        lines.add("");
        Console.block(lines);
    }
}
