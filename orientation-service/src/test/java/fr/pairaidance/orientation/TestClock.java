package fr.pairaidance.orientation;

import fr.pairaidance.localstack.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock of the tests: moved by hand to test expiry without sleeping. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
