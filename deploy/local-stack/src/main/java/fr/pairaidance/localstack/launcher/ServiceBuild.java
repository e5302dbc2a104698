package fr.pairaidance.localstack.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the services, tests skipped (not even compiled), with the same Maven. The run command's own
 * reactor has just built and installed the parent, platform and local-stack (this launcher runs in
 * local-stack's install phase, and the services come after local-stack in the reactor), so this
 * build takes every other module of the reactor: the services, whichever are declared in the root
 * pom. It goes on past a failing module (--fail-at-end), so the other services can still start.
 */
final class ServiceBuild {

    /** When the build started, and whether some module failed. */
    record Outcome(Instant started, boolean failed) {
    }

    private static final String NAME = "the services' build";
    private static final List<String> ALREADY_BUILT = List.of("deploy/platform", "deploy/local-stack");
    private static final Pattern BUILDING = Pattern.compile("^\\[INFO\\] Building (.+?) \\S+\\s+\\[(\\d+/\\d+)\\]$");

    private final LocalOptions options;
    private final ChildProcesses children;

    ServiceBuild(LocalOptions options, ChildProcesses children) {
        this.options = options;
        this.children = children;
    }

    Outcome run() {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        Path logFile = options.logFile("build");
        List<String> command = command();
        Console.info("Building the services, tests skipped (Maven output in " + logFile + ")");
        List<String> errors = new ArrayList<>();
        int exitCode;
        try {
            Files.createDirectories(logFile.getParent());
            Process build = new ProcessBuilder(command)
                    .directory(options.repositoryRoot().toFile())
                    .redirectErrorStream(true)
                    .start();
            children.register(NAME, () -> ChildProcesses.stop(NAME, build));
            try (BufferedReader output = new BufferedReader(
                            new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8))) {
                log.println(String.join(" ", command));
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    log.println(line);
                    report(line, errors);
                }
            }
            exitCode = build.waitFor();
            children.forget(NAME);
        } catch (IOException e) {
            throw new LocalSystemException("Could not run Maven to build the services: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while building the services", e);
        }
        if (exitCode == 0) {
            Console.done("Services built", started);
            return new Outcome(startedAt, false);
        }
        if (children.stopping()) {
            throw new LocalSystemException("The services' build was stopped");
        }
        Console.block(errors.stream().limit(25).map(line -> "    " + line).toList());
        Console.error("The build of some services failed (exit code " + exitCode + "): see " + logFile
                + ". Those services will not start; the others will.");
        return new Outcome(startedAt, true);
    }

    private static void report(String line, List<String> errors) {
        Matcher building = BUILDING.matcher(line);
        if (building.matches()) {
            Console.info("  building " + building.group(1) + " [" + building.group(2) + "]");
        } else if (line.startsWith("[ERROR]")) {
            errors.add(line);
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(maven());
        command.addAll(List.of("--batch-mode", "--no-transfer-progress", "--fail-at-end", "install",
                "-Dmaven.test.skip=true"));
        command.add("--projects");
        command.add(String.join(",", ALREADY_BUILT.stream().map(module -> "!" + module).toList()));
        if (!options.mavenRepository().isBlank()) {
            command.add("-Dmaven.repo.local=" + options.mavenRepository());
        }
        if (options.mavenOffline()) {
            command.add("--offline");
        }
        return command;
    }

    /** The Maven running this launcher, else the wrapper. */
    private String maven() {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))) {
            return Path.of(mavenHome, "bin", "mvn").toString();
        }
        return options.repositoryRoot().resolve("mvnw").toString();
    }
}
