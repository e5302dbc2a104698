package fr.pairaidance.labelling;

import fr.pairaidance.localstack.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clock of the tests, moved by hand to test time-driven behaviour without sleeping. */
@Alternative
@Priority(1)
@Singleton
public class TestClock {

    private static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    MutableClock clock() {
        return CLOCK;
    }
}
