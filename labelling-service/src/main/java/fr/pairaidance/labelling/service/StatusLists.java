package fr.pairaidance.labelling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status Lists of the credentials: every list has {@link #SIZE} entries; a credential is
 * given the next index of the open list in the order of the list's secret random permutation, never given
 * again; a list closes when half full, so that a verifier downloading it cannot tell which of many
 * credentials it checks, nor when they were issued. The bits are not stored:
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

    private final EntityManager em;
    private final Clock clock;
    private final StatusListCursor cursor;

    StatusLists(EntityManager em, Clock clock, StatusListCursor cursor) {
        this.em = em;
        this.clock = clock;
        this.cursor = cursor;
    }

    /**
     * The next entry of the open list, for a credential the caller inserts in its transaction; opens a
     * new list when the open one is full. The index is the list's secret permutation of the entry's rank,
     * so no two credentials of a list share one (the table's unique key backs this).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entry allocate() {
        StatusListCursor.Taken taken = cursor.next();
        return new Entry(taken.list(), index(taken.rank(), taken.multiplier(), taken.mask()));
    }

    /** A bijection of [0, SIZE): an odd multiplier modulo a power of two, then a mask. */
    static int index(int rank, int multiplier, int mask) {
        return (int) (((long) rank * multiplier) & (SIZE - 1)) ^ mask;
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
