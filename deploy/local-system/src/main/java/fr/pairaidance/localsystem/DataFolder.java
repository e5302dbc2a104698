package fr.pairaidance.localsystem;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The folder that keeps the local system's data between runs (.local-data at the repository root):
 * postgres/, kafka/, keycloak/, logs/. Only a folder carrying the marker file is ever wiped.
 */
final class DataFolder {

    private static final String MARKER = "LOCAL-DATA.txt";

    private DataFolder() {
    }

    /**
     * Creates the folder and its marker if needed, and starts new logs: each log of the last run is
     * kept as {@code <name>.previous.log}.
     */
    static void prepare(Path dataDir) {
        try {
            Path logs = Files.createDirectories(dataDir.resolve("logs"));
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.filter(DataFolder::isCurrentLog).toList()) {
                    String name = log.getFileName().toString();
                    Files.move(log, log.resolveSibling(name.replaceFirst("\\.log$", ".previous.log")),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path marker = dataDir.resolve(MARKER);
            if (Files.notExists(marker)) {
                Files.writeString(marker, """
                        Data of the local system started by ./mvnw -Prun (deploy/local-stack/README.md):
                        PostgreSQL, Kafka and Keycloak data, and the logs. Start with -Dfresh to wipe it.
                        """);
            }
        } catch (IOException e) {
            throw new LocalSystemException("Could not create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCurrentLog(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".log") && !name.endsWith(".previous.log");
    }

    /** Deletes the whole folder (-Dfresh). */
    static void wipe(Path dataDir) {
        if (Files.notExists(dataDir)) {
            return;
        }
        if (Files.notExists(dataDir.resolve(MARKER))) {
            throw new LocalSystemException("Refusing to wipe " + dataDir + ": it has no " + MARKER
                    + " file, so it may not be the local system's data folder");
        }
        long started = System.nanoTime();
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LocalSystemException("Could not wipe " + dataDir + ": " + e.getMessage(), e);
        }
        Console.done("Wiped " + dataDir + " (-Dfresh)", started);
    }
}
