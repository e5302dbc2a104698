package fr.pairaidance.localsystem;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The classes a service loads, links (and on JDK 25+ profiles) during a complete start, archived by the
 * JVM and mapped by the next starts instead of being read from the jars again (ready in
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
 * <p>
 * A JDK before 25 writes only the classes that were linked: about 3 200 of the 18 400 classes an
 * orientation-service loads at start are loaded but never linked (types the verifier or the frameworks'
 * reflection looked up) and were read from the jars again at every start. The training JVM links them
 * ({@link ClassLinkingAgent}) before it stops. A JDK 25 assembles its AOT cache as a static archive,
 * which links every class it holds. By hand, alternated, an orientation-service was ready in 2.98-3.20 s
 * with the linked archive against 3.25-3.82 s without (0.3-0.6 s less CPU); the archive is 119 MB instead
 * of 95, and the resident memory after start the same (the classes leave the metaspace).
 * <p>
 * The services are packaged as Quarkus's {@code aot-jar} (platform configuration): every jar is on the
 * JVM's class path, so the JVM's own class loader takes an archived class from the archive alone. The
 * fast-jar's class loader read and inflated each class from its jar, then defined it, and only then did
 * the JVM find it in the archive. Orientation-service, five alternated starts each: ready in 3.07-3.68 s
 * (median 3.17) as an aot-jar against 3.74-4.95 s (4.12) as a fast-jar, both archives linked.
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

    /**
     * The options of a start that uses it (the JVM runs in the archive's directory). The archive is mapped
     * at the address it was written for: JDK 17.0.15 and JDK 25 (both measured here) map it elsewhere by
     * default ({@code ArchiveRelocationMode=1}, for address-space randomisation), which rewrites every
     * pointer in it before the first class loads: {@code java -version} with orientation-service's 119 MB
     * archive took 0.13-0.14 s and 132 MB resident relocated, 0.04 s and 38 MB in place (its pages are
     * read as classes load). The JVM still relocates it when that address is taken.
     */
    List<String> useOptions() {
        String name = file.getFileName().toString();
        return List.of(aotCache() ? "-XX:AOTCache=" + name : "-XX:SharedArchiveFile=" + name,
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    }

    /** The options of the training start, which writes it at exit. */
    List<String> recordOptions() {
        String name = file.getFileName().toString();
        if (aotCache()) {
            return List.of("-XX:AOTCacheOutput=" + name);
        }
        List<String> options = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + name));
        if (Java.accepts(DYNAMIC_AGENT_LOADING)) { // JDK 21+: without it, a warning
            options.add(DYNAMIC_AGENT_LOADING);
        }
        return options;
    }

    private static final String DYNAMIC_AGENT_LOADING = "-XX:+EnableDynamicAgentLoading";

    /**
     * Before a training start stops (JDK before 25): links the classes it loaded, so that the archive
     * holds them. Without the attach mechanism the archive is written all the same, with fewer classes.
     */
    static void linkLoadedClasses(long pid, Path workDirectory) {
        if (aotCache()) {
            return;
        }
        try {
            Path agent = agentJar(workDirectory);
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                vm.loadAgent(agent.toString()); // returns once the agent has run
            } finally {
                vm.detach();
            }
        } catch (Exception | LinkageError e) {
            Console.info("Could not link the classes of process " + pid + " before its class archive is written ("
                    + e + "): it will hold fewer of them");
        }
    }

    /** The agent's jar, written into the work directory: its class and a manifest naming it. */
    private static Path agentJar(Path workDirectory) throws IOException {
        Path jar = workDirectory.resolve("class-linking-agent.jar");
        String entry = ClassLinkingAgent.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Agent-Class"), ClassLinkingAgent.class.getName());
        Files.createDirectories(workDirectory);
        try (InputStream bytes = ClassLinkingAgent.class.getClassLoader().getResourceAsStream(entry);
                OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            if (bytes == null) {
                throw new IOException("no " + entry + " on the class path");
            }
            jarOut.putNextEntry(new JarEntry(entry));
            bytes.transferTo(jarOut);
            jarOut.closeEntry();
        }
        return jar;
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
