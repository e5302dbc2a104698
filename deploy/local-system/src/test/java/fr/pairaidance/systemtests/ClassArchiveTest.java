package fr.pairaidance.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services start from the class archive the launcher recorded from a complete start of their
 * build (ready in under 3 s), also after the restarts of {@link FaultsTest}.
 */
@ExtendWith(SystemUnderTest.Extension.class)
@org.junit.jupiter.api.Order(5)
class ClassArchiveTest {

    private static final List<String> SERVICES = List.of("registry-service", "labelling-service", "orientation-service");

    @Test
    void everyServiceRunsFromTheClassArchiveOfItsBuild() {
        for (String service : SERVICES) {
            assertTrue(SystemUnderTest.get().runsFromItsClassArchive(service),
                    service + " did not map the class archive recorded for its build: see "
                            + SystemUnderTest.get().logFile(service + "-class-archive"));
        }
    }

    @Test
    void everyTrainingStartArchivedTheClassesOfItsServiceNotOnlyThoseOfTheJdk() throws IOException {
        for (String service : SERVICES) {
            Path log = SystemUnderTest.get().logFile(service + "-class-archive");
            String training = Files.readString(log);
            if (Runtime.version().feature() < 25) {
                // Before JDK 25 only linked classes are archived. A service loads 15 000-16 000 classes (besides
                // arrays and hidden ones) by the time it is ready; the agent links them before the exit.
                Matcher report = Pattern.compile("\\[class-linking-agent\\] (\\d+) classes linked").matcher(training);
                assertTrue(report.find() && Integer.parseInt(report.group(1)) > 10_000,
                        service + "'s training start did not link its classes: see " + log);
            } else {
                // JDK 25 links the classes of its AOT cache itself. It archives only classes of the JVM's own
                // class loaders, so the application's are in it because the aot-jar puts every jar on the
                // class path: about 140 MB with them, under half of that without.
                Matcher created = Pattern.compile("AOTCache creation is complete: \\S+ (\\d+) bytes").matcher(training);
                assertTrue(created.find() && Long.parseLong(created.group(1)) > 100_000_000L,
                        service + "'s training start did not write an AOT cache holding its classes: see " + log);
            }
        }
    }
}
