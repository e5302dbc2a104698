package fr.pairaidance.platform.mail;

import fr.pairaidance.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The mail queue and each person's mail settings. A mail is queued in the transaction that decides
 * it (an event consumer's, beside its inbox insert) and sent later by {@link MailSender}: sending never
 * happens in a request's transaction, and a mail decided is never lost.
 */
@ApplicationScoped
public class Mails {

    /** Fired when a mail was queued: the sender is woken once the transaction commits. */
    public record MailQueued() {
    }

    private final EntityManager em;
    private final MailRenderer renderer;
    private final Event<MailQueued> queued;
    private final PlatformConfig.Mail config;
    private final Clock clock;

    Mails(EntityManager em, MailRenderer renderer, Event<MailQueued> queued, PlatformConfig config, Clock clock) {
        this.em = em;
        this.renderer = renderer;
        this.queued = queued;
        this.config = config.mail();
        this.clock = clock;
    }

    /** Whether an event that happened then is too old to be mailed about (see {@code event-max-age}). */
    public boolean tooOld(Instant occurredAt) {
        return occurredAt != null && occurredAt.isBefore(clock.instant().minus(config.eventMaxAge()));
    }

    /**
     * Queues a mail to a person unless they turned its kind off.
     *
     * @param dedupeKey what makes this mail unique (the event id and the kind): queued twice, sent once
     * @param owner     whose mail it is: their settings apply, and {@link #forget} deletes it
     * @param address   where it goes; no mail when null
     * @param content   the mail in the person's language
     * @return whether a mail was queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String dedupeKey, String owner, String address, MailKind kind,
            Function<Locale, MailContent> content) {
        MailSettings settings = settings(owner);
        if (address == null || address.isBlank() || !settings.receives(kind)) {
            return false;
        }
        MailRenderer.Rendered mail = renderer.render(settings.locale(), content.apply(settings.locale()));
        int inserted = em.createNativeQuery("""
                insert into mail_message (dedupe_key, owner, kind, recipient, subject, text_body, html_body,
                                          message_id, created_at, next_attempt_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), now())
                on conflict (dedupe_key) do nothing""")
                .setParameter(1, dedupeKey)
                .setParameter(2, owner)
                .setParameter(3, kind.name())
                .setParameter(4, address)
                .setParameter(5, mail.subject())
                .setParameter(6, mail.text())
                .setParameter(7, mail.html())
                .setParameter(8, messageId(dedupeKey))
                .executeUpdate();
        if (inserted > 0) {
            queued.fire(new MailQueued());
        }
        return inserted > 0;
    }

    /** A person's settings, the defaults (French, every kind) when they never chose. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MailSettings settings(String owner) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select language, muted_kinds from mail_settings where owner = ?1")
                .setParameter(1, owner)
                .getResultList();
        if (rows.isEmpty()) {
            return MailSettings.defaults();
        }
        Object[] row = rows.get(0);
        return new MailSettings((String) row[0], Set.copyOf(Arrays.asList((String[]) row[1])));
    }

    /** Saves a person's settings; kinds they may not turn off are ignored. */
    @Transactional
    public MailSettings save(String owner, String language, Set<String> muted, List<? extends MailKind> kinds) {
        Set<String> mutable = new TreeSet<>();
        for (MailKind kind : kinds) {
            if (kind.optional() && muted.contains(kind.name())) {
                mutable.add(kind.name());
            }
        }
        String chosen = MailSettings.LANGUAGES.contains(language) ? language : MailSettings.DEFAULT_LANGUAGE;
        em.createNativeQuery("""
                insert into mail_settings (owner, language, muted_kinds, updated_at)
                values (?1, ?2, cast(?3 as varchar[]), ?4)
                on conflict (owner) do update set language = excluded.language,
                    muted_kinds = excluded.muted_kinds, updated_at = excluded.updated_at""")
                .setParameter(1, owner)
                .setParameter(2, chosen)
                .setParameter(3, "{" + String.join(",", mutable) + "}")
                .setParameter(4, Timestamp.from(Instant.now()))
                .executeUpdate();
        return new MailSettings(chosen, Set.copyOf(mutable));
    }

    /** Erases a person's settings and every mail queued for them; the traces of sent mails hold no address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String owner) {
        em.createNativeQuery("delete from mail_settings where owner = ?1").setParameter(1, owner).executeUpdate();
        String unsent = "from mail_message where owner = ?1 and sent_at is null and given_up_at is null";
        em.createNativeQuery("delete from mail_attempt where mail_id in (select id " + unsent + ")")
                .setParameter(1, owner)
                .executeUpdate();
        em.createNativeQuery("delete " + unsent).setParameter(1, owner).executeUpdate();
        em.createNativeQuery("update mail_message set owner = '-' where owner = ?1").setParameter(1, owner)
                .executeUpdate();
    }

    /**
     * The Message-ID of the mail with this key, the same at every attempt: a mail sent again after a
     * crash between the SMTP server's acceptance and the commit is recognised as the same message.
     */
    static String messageId(String dedupeKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@pairaidance>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
