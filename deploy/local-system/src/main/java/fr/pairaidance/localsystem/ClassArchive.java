package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The classes a service loads, links (and on JDK 25+ profiles) during a complete start, archived by the
 * JVM and mapped by the next starts instead of being read from the jars again (issue 7: ready in
 * under 3 s).
 * <p>
 * Quarkus's own archive ({@code quarkus.package.jar.appcds}) is recorded while the service is packaged,
 * with no database, broker or identity provider: it holds the classes of the static initialisation
 * only, 10 000 of the 21 000 a service loads. This one is recorded by a training start against the
 * running local system (Hibernate, Flyway, the Kafka clients and OIDC included). By hand, on JDK 17, a
 * second instance of each service started next to the running system was ready 0.5-0.7 s sooner with it
 * (registry 3.1-3.4 s instead of 3.8-4.0 s); on JDK 25 the AOT cache (JEP 483, 514, 515) took an
 * orientation-service from 4.2-4.4 s to 2.9-3.3 s.
 * <p>
 * On JDK 25+ it is an AOT cache ({@code -XX:AOTCacheOutput}), before a dynamic CDS archive
 * ({@code -XX:ArchiveClassesAtExit}, JDK 13+). Both are written when the JVM exits, are only valid for
 * the JVM build that wrote them (named after it) and for the jars they were recorded from (the JVM
 * checks and ignores a stale one, with a warning); a service packaged again needs a new one.
 */
final class ClassArchive {

    private final Path jar;
    private final Path file;

    private ClassArchive(Path jar, Path file) {
        this.jar = jar;
        this.file = file;
    }

    /** The archive, for the running JVM, of the service run from {@code jar} (its quarkus-run.jar). */
    static ClassArchive of(Path jar) {
        String build = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        return new ClassArchive(jar, jar.resolveSibling("start-" + build + (aotCache() ? ".aot" : ".jsa")));
    }

    private static boolean aotCache() {
        return Runtime.version().feature() >= 25;
    }

    /** Recorded from the service's current jars. */
    boolean isCurrent() {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The options of a start that uses it (the JVM runs in the archive's directory). */
    List<String> useOptions() {
        String name = file.getFileName().toString();
        return List.of(aotCache() ? "-XX:AOTCache=" + name : "-XX:SharedArchiveFile=" + name);
    }

    /** The options of the training start, which writes it at exit. */
    List<String> recordOptions() {
        String name = file.getFileName().toString();
        return aotCache() ? List.of("-XX:AOTCacheOutput=" + name) : List.of("-XX:ArchiveClassesAtExit=" + name);
    }

    /** Before a new recording: the JVM writes its archives read-only and does not replace one. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Console.info("Could not delete the stale class archive " + file + ": " + e.getMessage());
        }
    }

    Path file() {
        return file;
    }
}
