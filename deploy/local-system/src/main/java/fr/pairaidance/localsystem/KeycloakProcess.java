package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution (org.keycloak:keycloak-quarkus-dist, resolved by the
 * run profile), unpacked once into {@code <data>/keycloak}, where its dev database stays, and run in
 * development mode with the realm of deploy/keycloak imported on the first start.
 */
final class KeycloakProcess {

    static final String REALM = "pairaidance";
    static final String ADMIN = "admin";

    private final Process process;
    private final Path logFile;

    private KeycloakProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    static KeycloakProcess start(LocalOptions options, ChildProcesses children) {
        Ports.requireFree(options.keycloakPort(), "Keycloak", "local.keycloak.port");
        Path home = KeycloakDistribution.unpack(options);
        Path logFile = options.logFile("keycloak");
        importRealm(options, home);
        boolean firstStart = Files.notExists(home.resolve("data/h2"));
        Console.info("Starting Keycloak " + options.keycloakVersion() + " on localhost:" + options.keycloakPort()
                + (firstStart ? " (first start: building and importing the realm, about a minute)" : ""));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", // reachable from this machine only: admin/admin, demo passwords
                "--http-port=" + options.keycloakPort(),
                "--import-realm"))
                .directory(home.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", Java.home().toString());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
        // The realm file's placeholders: its mail (account verification, password reset) goes to the local SMTP server.
        environment.put("PAIRAIDANCE_SMTP_HOST", "127.0.0.1");
        environment.put("PAIRAIDANCE_SMTP_PORT", Integer.toString(options.smtpPort()));
        Process process = children.start("Keycloak", builder, logFile);
        return new KeycloakProcess(process, logFile);
    }

    void awaitReady(LocalOptions options, long startedNanos) {
        String discovery = options.issuerUrl() + "/.well-known/openid-configuration";
        Readiness.await("Keycloak", options.startupTimeout(), process, logFile, () -> Http.status(discovery) == 200);
        Console.done("Keycloak ready on " + options.keycloakUrl() + ", realm " + REALM, startedNanos);
    }

    /** The realm is imported only if it does not exist yet; to import a changed file, use -Dfresh. */
    private static void importRealm(LocalOptions options, Path home) {
        if (Files.notExists(options.realmFile())) {
            throw new LocalSystemException("The realm file " + options.realmFile() + " is missing");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(options.realmFile(), imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LocalSystemException("Could not copy the realm file into Keycloak: " + e.getMessage(), e);
        }
    }
}
