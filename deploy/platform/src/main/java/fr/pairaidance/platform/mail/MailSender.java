package fr.pairaidance.platform.mail;

import fr.pairaidance.platform.PlatformConfig;
import fr.pairaidance.platform.worker.Drainer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends the queued mails, one per short transaction that holds the mail's row lock while the SMTP
 * server takes it: two instances never send the same mail, and a sender killed mid-way leaves the
 * mail due for the next one. When the SMTP server cannot be reached, nothing is counted against the
 * mail: the queue waits {@code outage-retry} and goes on where it stopped. A mail the server refuses
 * (4xx) is retried on {@code retry-delays}; one it rejects for good (5xx), or still unsent after
 * {@code give-up-after}, is given up and logged. Address and bodies are cleared once a mail is done.
 *
 * <p>SMTP cannot take a mail and the queue's commit in one step. Before each hand-over the sender
 * commits a {@code mail_attempt} row and deletes it with the outcome: a row found by a later attempt,
 * or a connection lost after the connect, means the mail may have arrived already. Such an attempt is
 * counted in {@code attempts_in_doubt} and logged, and the mail is sent again with the same Message-ID,
 * which mail programs merge: nothing is lost, and a second copy is possible only in that window.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private enum Outcome { SENT, RETRY_LATER, TRANSPORT_DOWN, NOTHING_DUE }

    private final Mailer mailer;
    private final EntityManager em;
    private final PlatformConfig.Mail config;
    private final Drainer drainer = new Drainer("mail-sender", this::drain);
    /** While the SMTP server is unreachable, wake-ups wait until then instead of trying the next mail. */
    private volatile long pausedUntilNanos = System.nanoTime();

    MailSender(Mailer mailer, EntityManager em, PlatformConfig config) {
        this.mailer = mailer;
        this.em = em;
        this.config = config.mail();
    }

    void start(@Observes StartupEvent event) {
        if (config.senderEnabled()) {
            drainer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        drainer.stop();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Mails.MailQueued queued) {
        drainer.wakeUp();
    }

    @Scheduled(every = "${pairaidance.platform.mail.poll-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drainer.wakeUp();
    }

    private void drain() {
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return;
        }
        try {
            Outcome outcome;
            do {
                outcome = QuarkusTransaction.requiringNew().call(this::sendNext);
            } while ((outcome == Outcome.SENT || outcome == Outcome.RETRY_LATER) && !drainer.stopping());
        } catch (RuntimeException e) {
            // The database is away, or the sender was stopped in the middle of a hand-over: the mails stay due.
            LOG.warnf("Mail sender stopped before the queue was drained, will retry: %s", e.getClass().getSimpleName());
        }
    }

    private Outcome sendNext() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, recipient, subject, text_body, html_body, message_id, attempts,
                       created_at < now() - cast(?1 as interval) as too_old,
                       exists (select 1 from mail_attempt a where a.mail_id = m.id) as interrupted
                from mail_message m
                where sent_at is null and given_up_at is null and next_attempt_at <= now()
                order by next_attempt_at, id
                limit 1
                for update skip locked""")
                .setParameter(1, config.giveUpAfter().toSeconds() + " seconds")
                .getResultList();
        if (rows.isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        Object[] row = rows.get(0);
        long id = ((Number) row[0]).longValue();
        int attempts = ((Number) row[6]).intValue();
        if (Boolean.TRUE.equals(row[8])) {
            inDoubt(id, "its sender stopped");
        } else {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "insert into mail_attempt (mail_id, started_at) values (?1, now())")
                    .setParameter(1, id).executeUpdate());
        }
        try {
            mailer.send(Mail.withText((String) row[1], (String) row[2], (String) row[3])
                    .setHtml((String) row[4])
                    .addHeader("Message-ID", (String) row[5]));
            done(id, "sent_at");
            return Outcome.SENT;
        } catch (RuntimeException failure) {
            if (Thread.currentThread().isInterrupted()) {
                // Stopped mid-way: the attempt row stays, the next attempt knows the mail may have arrived.
                throw failure;
            }
            SMTPException refusal = refusal(failure);
            if (refusal == null) {
                // Connection refused, timeout, TLS failure: the server is away, not this mail's fault.
                if (!notConnected(failure)) {
                    inDoubt(id, "the connection broke");
                }
                LOG.warnf("SMTP server unreachable, the queue waits %s: %s", config.outageRetry(),
                        failure.getClass().getSimpleName());
                later(id, attempts, config.outageRetry(), "unreachable: " + failure.getClass().getSimpleName());
                pausedUntilNanos = System.nanoTime() + config.outageRetry().toNanos();
                return Outcome.TRANSPORT_DOWN;
            }
            if (refusal.isPermanent() || Boolean.TRUE.equals(row[7])) {
                LOG.errorf("Mail %d given up after %d attempts (SMTP %d)", id, attempts + 1, refusal.getReplyCode());
                em.createNativeQuery("update mail_message set last_error = ?2 where id = ?1")
                        .setParameter(1, id).setParameter(2, "SMTP " + refusal.getReplyCode()).executeUpdate();
                done(id, "given_up_at");
            } else {
                later(id, attempts, retryDelay(attempts), "SMTP " + refusal.getReplyCode());
            }
            return Outcome.RETRY_LATER;
        }
    }

    /** Marks a mail done and clears what it said and where it went. */
    private void done(long id, String column) {
        em.createNativeQuery("update mail_message set " + column + " = now(), attempts = attempts + 1, "
                + "recipient = null, subject = null, text_body = null, html_body = null where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        attemptEnded(id);
    }

    private void later(long id, int attempts, Duration delay, String error) {
        em.createNativeQuery("update mail_message set attempts = ?2, last_error = ?3, "
                + "next_attempt_at = now() + cast(?4 as interval) where id = ?1")
                .setParameter(1, id)
                .setParameter(2, attempts + 1)
                .setParameter(3, error.length() > 200 ? error.substring(0, 200) : error)
                .setParameter(4, delay.toMillis() + " milliseconds")
                .executeUpdate();
        attemptEnded(id);
    }

    private void attemptEnded(long id) {
        em.createNativeQuery("delete from mail_attempt where mail_id = ?1").setParameter(1, id).executeUpdate();
    }

    /** Counts an attempt that may have delivered the mail although it is not recorded as sent. */
    private void inDoubt(long id, String why) {
        LOG.warnf("Mail %d may have reached its address already (%s); it is sent again with the same Message-ID",
                id, why);
        em.createNativeQuery("update mail_message set attempts_in_doubt = attempts_in_doubt + 1 where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** True when the failure happened before any connection to the SMTP server: nothing was handed over. */
    private static boolean notConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The delay before the next attempt of a refused mail: the configured schedule, its last step repeated, ±20 %. */
    Duration retryDelay(int attemptsSoFar) {
        List<Duration> delays = config.retryDelays();
        Duration base = delays.get(Math.min(attemptsSoFar, delays.size() - 1));
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (base.toMillis() * jitter));
    }

    /** The SMTP server's refusal in the failure's causes, or null when the server was not reached. */
    private static SMTPException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}
