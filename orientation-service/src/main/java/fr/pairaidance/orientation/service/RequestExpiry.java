package fr.pairaidance.orientation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Expires unanswered orientation requests on a schedule (the time comes from the injected clock). */
@ApplicationScoped
public class RequestExpiry {

    private static final Logger LOG = Logger.getLogger(RequestExpiry.class);

    private final RequestService requests;

    RequestExpiry(RequestService requests) {
        this.requests = requests;
    }

    @Scheduled(every = "${orientation.requests.expiry-check-every:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int expired;
        do {
            expired = requests.expireDue();
            if (expired > 0) {
                LOG.infof("Expired %d unanswered orientation request(s)", expired);
            }
        } while (expired == 500);
    }
}
