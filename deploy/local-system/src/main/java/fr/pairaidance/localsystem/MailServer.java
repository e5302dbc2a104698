package fr.pairaidance.localsystem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local SMTP server: GreenMail standalone (from Maven Central) in a child JVM, SMTP on
 * {@code local.smtp.port}, its mailbox API on {@code local.mail.port}. It accepts every address and
 * keeps what it receives in memory: {@code GET /api/user/<address>/messages/INBOX} lists what was sent
 * to an address. Reachable from this machine only.
 */
final class MailServer {

    private final Process process;
    private final Path logFile;

    private MailServer(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    static MailServer start(LocalOptions options, ChildProcesses children) {
        Ports.requireFree(options.smtpPort(), "SMTP", "local.smtp.port");
        Ports.requireFree(options.mailPort(), "mailbox API", "local.mail.port");
        if (!Files.isRegularFile(options.mailJar())) {
            throw new LocalSystemException("GreenMail's jar " + options.mailJar()
                    + " is missing: Maven should have downloaded it (run ./mvnw -Prun from the repository root)");
        }
        Console.info("Starting the local SMTP server (GreenMail) on localhost:" + options.smtpPort()
                + ", mailbox API on localhost:" + options.mailPort());
        ProcessBuilder builder = new ProcessBuilder(List.of(Java.executable(), "-Xms32m", "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + options.smtpPort(),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + options.mailPort(),
                "-Dgreenmail.auth.disabled", "-jar", options.mailJar().toString()))
                .directory(options.dataDir().toFile());
        Path logFile = options.logFile("mail");
        return new MailServer(children.start("SMTP server", builder, logFile), logFile);
    }

    void awaitReady(LocalOptions options, long startedNanos) {
        String readiness = options.mailUrl() + "/api/service/readiness";
        Readiness.await("SMTP server", options.startupTimeout(), process, logFile, () -> Http.status(readiness) == 200);
        Console.done("SMTP server ready on localhost:" + options.smtpPort() + ", mail readable at "
                + options.mailUrl(), startedNanos);
    }

    /** Stops the server (what it held is lost, as with a restarted mail relay). */
    void stop() {
        ChildProcesses.stop("SMTP server", process);
    }
}
