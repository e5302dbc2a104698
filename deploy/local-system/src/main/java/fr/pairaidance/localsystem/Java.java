package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The Java that runs the launcher (the one Maven runs on) also runs every child JVM. */
final class Java {

    private static final Map<String, Boolean> ACCEPTED_OPTIONS = new ConcurrentHashMap<>();

    private Java() {
    }

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    static String executable() {
        return home().resolve("bin").resolve("java").toString();
    }

    /** Whether this Java starts with the option (asked once: {@code java <option> -version}). */
    static boolean accepts(String option) {
        return ACCEPTED_OPTIONS.computeIfAbsent(option, Java::startsWith);
    }

    private static boolean startsWith(String option) {
        try {
            Process probe = new ProcessBuilder(executable(), option, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
