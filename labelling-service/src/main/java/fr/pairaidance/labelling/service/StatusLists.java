package fr.pairaidance.labelling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status Lists of the credentials: every list has {@link #SIZE} entries; a credential is
 * given an index at random in the open list, never given again; a list closes when half full, so that
 * a verifier downloading it cannot tell which of many credentials it checks. The bits are not stored:
 * they are read from the credentials' {@code revoked} and {@code suspended} flags.
 */
@ApplicationScoped
public class StatusLists {

    /** Entries per list: the specification's minimum (16 KB uncompressed). */
    public static final int SIZE = 131_072;

    /** A list takes new credentials until this many indexes are given. */
    static final int FILL_LIMIT = SIZE / 2;

    /** The two purposes a credential's status entries point to. */
    public enum Purpose {
        REVOCATION, SUSPENSION;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Purpose of(String code) {
            for (Purpose p : values()) {
                if (p.code().equals(code)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** A place in the lists: the list's number and the index in it. */
    public record Entry(int list, int index) {
    }

    private final SecureRandom random = new SecureRandom();
    private final EntityManager em;
    private final Clock clock;

    StatusLists(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * A random free index of the open list, for a credential the caller inserts in the same
     * transaction; opens a new list when the open one is full. Holds the list's row until the
     * transaction ends, so indexes are given one at a time (the table's unique key backs this).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entry allocate() {
        int list = openList();
        while (true) {
            int index = random.nextInt(SIZE);
            boolean taken = !em.createNativeQuery("select 1 from label_credential where status_list = ?1 "
                    + "and status_index = ?2").setParameter(1, list).setParameter(2, index).getResultList().isEmpty();
            if (!taken) {
                em.createNativeQuery("update status_list set allocated = allocated + 1 where id = ?1")
                        .setParameter(1, list).executeUpdate();
                return new Entry(list, index);
            }
        }
    }

    /** Marks the lists of these credentials as changed, so that verifiers get the new bits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UUID labelId) {
        em.createNativeQuery("update status_list set version = version + 1, updated_at = ?1 where id in "
                        + "(select status_list from label_credential where label_id = ?2)")
                .setParameter(1, clock.instant()).setParameter(2, labelId).executeUpdate();
    }

    /** The version of a list (changes with any of its bits), or -1 when there is no such list. */
    @Transactional
    public long version(int list) {
        List<?> rows = em.createNativeQuery("select version from status_list where id = ?1")
                .setParameter(1, list).getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).longValue();
    }

    /** The list's bits for a purpose, GZIP-compressed then base64url-encoded with the multibase prefix {@code u}. */
    @Transactional
    public String encodedList(int list, Purpose purpose) {
        String flag = purpose == Purpose.REVOCATION ? "revoked" : "suspended";
        @SuppressWarnings("unchecked")
        List<Number> set = em.createNativeQuery("select status_index from label_credential where status_list = ?1 and "
                + flag).setParameter(1, list).getResultList();
        byte[] bits = new byte[SIZE / 8];
        for (Number n : set) {
            int i = n.intValue();
            bits[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits));
    }

    private int openList() {
        @SuppressWarnings("unchecked")
        List<Number> open = em.createNativeQuery(
                "select id from status_list where allocated < ?1 order by id limit 1 for update")
                .setParameter(1, FILL_LIMIT).getResultList();
        if (!open.isEmpty()) {
            return open.get(0).intValue();
        }
        em.createNativeQuery("insert into status_list (id, updated_at) "
                        + "select coalesce(max(id), 0) + 1, ?1 from status_list on conflict do nothing")
                .setParameter(1, clock.instant()).executeUpdate();
        return openList();
    }

    private static byte[] gzip(byte[] bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
