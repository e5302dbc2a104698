package fr.pairaidance.platform.failure;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Runs work again, without end and with backoff, while it fails for a {@link IsTransientFailure}: a
 * database that cannot be reached, a lost conflict. Any other failure is thrown at once.
 */
@ApplicationScoped
public class TransientRetry {

    @Retry(maxRetries = -1, delay = 200, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10_000)
    @RetryWhen(exception = IsTransientFailure.class)
    public void run(Runnable work) {
        work.run();
    }
}
