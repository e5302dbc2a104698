package fr.pairaidance.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services start from the class archive the launcher recorded from a complete start of their
 * build (issue 7: ready in under 3 s), also after the restarts of {@link FaultsTest}.
 */
@ExtendWith(SystemUnderTest.Extension.class)
@org.junit.jupiter.api.Order(5)
class ClassArchiveTest {

    @Test
    void everyServiceRunsFromTheClassArchiveOfItsBuild() {
        for (String service : List.of("registry-service", "labelling-service", "orientation-service")) {
            assertTrue(SystemUnderTest.get().runsFromItsClassArchive(service),
                    service + " did not map the class archive recorded for its build: see "
                            + SystemUnderTest.get().logFile(service + "-class-archive"));
        }
    }
}
