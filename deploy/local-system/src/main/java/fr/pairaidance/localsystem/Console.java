package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Progress lines of the run command on the console, each starting with {@code [local]}. */
final class Console {

    private static final String PREFIX = "[local] ";

    private Console() {
    }

    static synchronized void info(String message) {
        System.out.println(PREFIX + message);
        System.out.flush();
    }

    /** A line ending with the time since {@code startedNanos}, e.g. {@code (2.1 s)}. */
    static void done(String message, long startedNanos) {
        info(message + " (" + seconds(startedNanos) + ")");
    }

    static synchronized void error(String message) {
        System.out.println(PREFIX + "ERROR " + message);
        System.out.flush();
    }

    /** A block of lines printed as is (the summary, the log tail of a failed process). */
    static synchronized void block(List<String> lines) {
        lines.forEach(System.out::println);
        System.out.flush();
    }

    /** The last lines of a log file, indented, to show why something failed. */
    static void tail(Path logFile, int lineCount) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - lineCount), lines.size());
            info("last lines of " + logFile + ":");
            block(last.stream().map(line -> "    " + line).toList());
        } catch (IOException | RuntimeException e) {
            info("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
