package fr.pairaidance.systemtests;

import fr.pairaidance.localsystem.RunningSystem;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, started once for every test class of this module (the first class that
 * needs it starts it; JUnit closes it at the end of the run).
 */
final class SystemUnderTest {

    private static RunningSystem system;

    private SystemUnderTest() {
    }

    static synchronized RunningSystem get() {
        if (system == null) {
            throw new IllegalStateException("the system is not started: add @ExtendWith(SystemUnderTest.Extension.class)");
        }
        return system;
    }

    /** Starts the system before the first test class that uses it; stops it when the test run ends. */
    static final class Extension implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            synchronized (SystemUnderTest.class) {
                if (system == null) {
                    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
                    system = RunningSystem.start();
                    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                            .put(RunningSystem.class, (ExtensionContext.Store.CloseableResource) system::close);
                }
            }
        }
    }
}
