package fr.pairaidance.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * build (issue 7: ready in under 3 s), also after the restarts of {@link FaultsTest}.
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
    void beforeJdk25EveryTrainingStartLinkedTheClassesItLoadedBeforeItsArchiveWasWritten() throws IOException {
        assumeTrue(Runtime.version().feature() < 25, "a JDK 25+ records an AOT cache, which links its classes itself");
        Pattern linked = Pattern.compile("\\[class-linking-agent\\] (\\d+) classes linked");
        for (String service : SERVICES) {
            Path log = SystemUnderTest.get().logFile(service + "-class-archive");
            Matcher report = linked.matcher(Files.readString(log));
            // A service loads 15 000-16 000 classes (besides arrays and hidden ones) by the time it is ready.
            assertTrue(report.find() && Integer.parseInt(report.group(1)) > 10_000,
                    service + "'s training start did not link its classes: see " + log);
        }
    }
}
