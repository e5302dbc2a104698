package fr.pairaidance.localsystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks Keycloak's distribution zip into the data folder, once. */
final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    /** @return the Keycloak home, {@code <data>/keycloak/keycloak-<version>} */
    static Path unpack(LocalOptions options) {
        Path parent = options.dataDir().resolve("keycloak");
        Path home = parent.resolve("keycloak-" + options.keycloakVersion());
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        if (!Files.isRegularFile(options.keycloakDistribution())) {
            throw new LocalSystemException("Keycloak's distribution " + options.keycloakDistribution()
                    + " is missing: Maven should have downloaded it (run ./mvnw -Prun from the repository root)");
        }
        long started = System.nanoTime();
        Console.info("Unpacking Keycloak " + options.keycloakVersion() + " into " + parent);
        Path unpacking = parent.resolve(".unpacking");
        try {
            deleteRecursively(unpacking);
            unzip(options.keycloakDistribution(), unpacking);
            Path unpacked = unpacking.resolve(home.getFileName());
            if (!Files.isRegularFile(unpacked.resolve("bin/kc.sh"))) {
                throw new LocalSystemException("Unexpected Keycloak distribution: no " + home.getFileName() + "/bin/kc.sh");
            }
            try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
                scripts.filter(script -> script.toString().endsWith(".sh"))
                        .forEach(script -> script.toFile().setExecutable(true));
            }
            deleteRecursively(home);
            Files.move(unpacked, home);
            deleteRecursively(unpacking);
        } catch (IOException e) {
            throw new LocalSystemException("Could not unpack Keycloak into " + parent + ": " + e.getMessage(), e);
        }
        Console.done("Keycloak unpacked", started);
        return home;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream content = archive.getInputStream(entry)) {
                        Files.copy(content, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.notExists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
