package fr.pairaidance.localsystem;

import java.nio.file.Path;

/** The Java that runs the launcher (the one Maven runs on) also runs every child JVM. */
final class Java {

    private Java() {
    }

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    static String executable() {
        return home().resolve("bin").resolve("java").toString();
    }
}
