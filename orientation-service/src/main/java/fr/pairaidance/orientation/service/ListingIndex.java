package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.service.AreaScope.Level;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;

/**
 * The listing's searchable attributes in memory ({@link ListingColumns}) at one read-model version: a search's
 * counts per level and facets are one pass over arrays, at a cost that does not depend on SQL aggregates over the
 * area's region and the country's remote practitioners.
 *
 * <p>A search asks for the aggregates of the version its snapshot read. When the index holds an older one, the
 * search brings it forward in its own snapshot: it reads again the rows of the practitioners that table
 * {@code listing_change} names for the versions in between (all of them after a rebuild, or when too far behind),
 * so the index then holds exactly that version. A search that finds the index at a newer version, or still being
 * brought forward by another search after {@value #WAIT_FOR_CHANGES_MS} ms, is answered by SQL
 * ({@link ListingSearch}): the index never gives counts of a version other than the page's.
 */
@ApplicationScoped
public class ListingIndex {

    /** Versions of {@code listing_change} kept: older rows are deleted ({@link ReadModelVersion}). */
    static final long KEPT_VERSIONS = 10_000;
    /** Beyond this many versions behind, the index reloads the listing instead of reading the changes. */
    private static final long MAX_CATCH_UP = KEPT_VERSIONS / 2;
    private static final long NONE = Long.MIN_VALUE;
    /** How long a search waits for another one bringing the index forward before counting in SQL. */
    private static final long WAIT_FOR_CHANGES_MS = 100;
    private static final Logger LOG = Logger.getLogger(ListingIndex.class);

    private static final String ATTRIBUTES = "l.zone_code, l.department_code, l.region_code, l.domains, "
            + "l.appellations, l.modes, l.formats, l.languages, l.remote";

    /** Bits of {@link ListingColumns#tags}: domains 0–31, appellations 32–47, modes 48–55, formats 56–63. */
    private static final int APPELLATIONS_SHIFT = 32;
    private static final int MODES_SHIFT = 48;
    private static final int FORMATS_SHIFT = 56;
    /** Bit of {@link ListingColumns#languages} set for a practitioner working remotely; languages use 0–62. */
    private static final long REMOTE = 1L << 63;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ListingColumns columns = new ListingColumns();
    private final Codes zones = new Codes(Short.MAX_VALUE);
    private final Codes departments = new Codes(Short.MAX_VALUE);
    private final Codes regions = new Codes(Short.MAX_VALUE);
    private final Codes domains = new Codes(32);
    private final Codes appellations = new Codes(16);
    private final Codes modes = new Codes(8);
    private final Codes formats = new Codes(8);
    private final Codes languages = new Codes(63);
    private long version = NONE;
    private volatile boolean unusable;
    private final Counter fromIndex;
    private final Counter fromSql;

    ListingIndex(MeterRegistry registry) {
        fromIndex = Counter.builder("orientation.search.aggregates").tag("source", "index")
                .description("Search aggregates counted by the in-memory index").register(registry);
        fromSql = Counter.builder("orientation.search.aggregates").tag("source", "sql")
                .description("Search aggregates left to SQL (index at another version, or busy)").register(registry);
    }

    /**
     * The counts per level and facets of a search at {@code version}, which {@code connection}'s snapshot read;
     * empty when the index cannot give that version now (the caller counts in SQL).
     */
    Optional<ListingSearch.Aggregates> aggregates(Connection connection, SearchCriteria c, long version)
            throws SQLException {
        Optional<ListingSearch.Aggregates> counted = unusable ? Optional.empty() : countAt(connection, c, version);
        (counted.isPresent() ? fromIndex : fromSql).increment();
        return counted;
    }

    private Optional<ListingSearch.Aggregates> countAt(Connection connection, SearchCriteria c, long at)
            throws SQLException {
        if (!acquire(lock.readLock())) {
            return Optional.empty();
        }
        try {
            if (version == at) {
                return Optional.of(count(c));
            }
            if (version > at) {
                return Optional.empty();
            }
        } finally {
            lock.readLock().unlock();
        }
        if (!acquire(lock.writeLock())) {
            return Optional.empty();
        }
        try {
            if (version < at) {
                bringTo(connection, at);
            }
            lock.readLock().lock(); // held on from the write lock: no other change before this count
        } finally {
            lock.writeLock().unlock();
        }
        try {
            return version == at ? Optional.of(count(c)) : Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Waits at most {@value #WAIT_FOR_CHANGES_MS} ms for the lock. */
    private static boolean acquire(Lock lock) {
        try {
            return lock.tryLock(WAIT_FOR_CHANGES_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Brings the columns to the version of the connection's snapshot, {@code at}; under the write lock. */
    private void bringTo(Connection connection, long at) throws SQLException {
        long from = version;
        version = NONE; // until done: a failure below leaves the columns partly changed
        try {
            if (from == NONE || at - from > MAX_CATCH_UP || !applyChanges(connection, from, at)) {
                reload(connection);
            }
            version = at;
        } catch (CodesFull e) {
            unusable = true;
            LOG.warnf("Listing index disabled, searches count in SQL: more than %d codes of one kind", e.capacity);
        }
    }

    /** Applies the changes after {@code from}; false when one of them is a rebuild (everything changed). */
    private boolean applyChanges(Connection connection, long from, long to) throws SQLException {
        String sql = "select c.practitioner_id, l.practitioner_id is not null, " + ATTRIBUTES
                + " from (select distinct practitioner_id from listing_change where version > ? and version <= ?) c"
                + " left join listing l on l.practitioner_id = c.practitioner_id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID id = (UUID) rs.getObject(1);
                    if (id == null) {
                        return false;
                    }
                    if (rs.getBoolean(2)) {
                        put(id, rs, 3);
                    } else {
                        columns.remove(id);
                    }
                }
            }
        }
        return true;
    }

    private void reload(Connection connection) throws SQLException {
        columns.clear();
        try (PreparedStatement statement = connection.prepareStatement(
                "select l.practitioner_id, " + ATTRIBUTES + " from listing l")) {
            statement.setFetchSize(5_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    put((UUID) rs.getObject(1), rs, 2);
                }
            }
        }
    }

    private void put(UUID id, ResultSet rs, int first) throws SQLException {
        long tags = domains.mask(rs.getArray(first + 3), 0) | appellations.mask(rs.getArray(first + 4), APPELLATIONS_SHIFT)
                | modes.mask(rs.getArray(first + 5), MODES_SHIFT) | formats.mask(rs.getArray(first + 6), FORMATS_SHIFT);
        long language = languages.mask(rs.getArray(first + 7), 0) | (rs.getBoolean(first + 8) ? REMOTE : 0);
        columns.put(id, zones.add(rs.getString(first)), departments.add(rs.getString(first + 1)),
                regions.add(rs.getString(first + 2)), tags, language);
    }

    /** A search's filters as bits and area numbers; null when a code it asks for is held by nobody. */
    private record Query(long allTags, long anyDomain, long allLanguages, Boolean remote, int zone, int department,
            int region) {
    }

    /** Area numbers that match no practitioner: a rung the area does not have, or a code nobody holds. */
    private static final int NO_MATCH = Integer.MIN_VALUE;
    /** The bit of a filter's code that nobody holds. */
    private static final long NOBODY = -1;

    private Query query(SearchCriteria c) {
        long anyDomain = 0;
        for (String domain : c.domains()) {
            long bit = domains.bit(domain, 0);
            anyDomain |= bit == NOBODY ? 0 : bit;
        }
        long appellation = appellations.bit(c.appellation(), APPELLATIONS_SHIFT);
        long mode = modes.bit(c.mode(), MODES_SHIFT);
        long format = formats.bit(c.format(), FORMATS_SHIFT);
        long language = languages.bit(c.language(), 0);
        if ((!c.domains().isEmpty() && anyDomain == 0) || appellation == NOBODY || mode == NOBODY || format == NOBODY
                || language == NOBODY) {
            return null;
        }
        AreaScope s = c.scope();
        return new Query(appellation | mode | format, anyDomain, language, c.remote(),
                s == null ? NO_MATCH : zones.number(s.zoneCode()),
                s == null ? NO_MATCH : departments.number(s.departmentCode()),
                s == null ? NO_MATCH : regions.number(s.regionCode()));
    }

    /** The aggregates of a search over the columns as they are; under the read lock. */
    private ListingSearch.Aggregates count(SearchCriteria c) {
        Query q = query(c);
        long[] byLevel = new long[Level.values().length];
        long[] tagCounts = new long[64];
        long total = 0;
        boolean area = c.scope() != null;
        if (q != null) {
            for (int slot = 0, size = columns.size(); slot < size; slot++) {
                long tags = columns.tags(slot);
                long language = columns.languages(slot);
                if ((tags & q.allTags) != q.allTags || (q.anyDomain != 0 && (tags & q.anyDomain) == 0)
                        || (language & q.allLanguages) != q.allLanguages
                        || (q.remote != null && q.remote != (language < 0))) {
                    continue;
                }
                if (area) {
                    Level level;
                    if (columns.zone(slot) == q.zone) {
                        level = Level.ZONE;
                    } else if (columns.department(slot) == q.department) {
                        level = Level.DEPARTMENT;
                    } else if (columns.region(slot) == q.region) {
                        level = Level.REGION;
                    } else if (language < 0) {
                        level = Level.REMOTE;
                    } else {
                        continue;
                    }
                    byLevel[level.ordinal()]++;
                }
                total++;
                for (long bits = tags; bits != 0; bits &= bits - 1) {
                    tagCounts[Long.numberOfTrailingZeros(bits)]++;
                }
            }
        }
        Tally all = new Tally(total, domains.counts(tagCounts, 0), modes.counts(tagCounts, MODES_SHIFT),
                formats.counts(tagCounts, FORMATS_SHIFT));
        if (!area) {
            return ListingSearch.Aggregates.everywhere(all);
        }
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            if (byLevel[level.ordinal()] > 0) {
                counts.put(level, byLevel[level.ordinal()]);
            }
        }
        return ListingSearch.Aggregates.inArea(c.scope(), counts, all);
    }

    /** Thrown when a kind of code has more values than its bits. */
    private static final class CodesFull extends RuntimeException {
        private final int capacity;

        CodesFull(int capacity) {
            super(null, null, false, false);
            this.capacity = capacity;
        }
    }

    /** The codes of one kind met so far, numbered in order of appearance. */
    private static final class Codes {
        private final int capacity;
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> codes = new ArrayList<>();

        Codes(int capacity) {
            this.capacity = capacity;
        }

        /** The code's number, given now if new; {@link ListingColumns#NO_CODE} for null. */
        short add(String code) {
            if (code == null) {
                return ListingColumns.NO_CODE;
            }
            Integer number = numbers.get(code);
            if (number == null) {
                if (codes.size() == capacity) {
                    throw new CodesFull(capacity);
                }
                number = codes.size();
                numbers.put(code, number);
                codes.add(code);
            }
            return number.shortValue();
        }

        /** The code's number, {@link #NO_MATCH} for null or a code nobody holds. */
        int number(String code) {
            Integer number = code == null ? null : numbers.get(code);
            return number == null ? NO_MATCH : number;
        }

        /** The codes' bits from {@code shift}. */
        long mask(Array array, int shift) throws SQLException {
            if (array == null) {
                return 0;
            }
            long mask = 0;
            for (Object code : (Object[]) array.getArray()) {
                if (code != null) {
                    mask |= 1L << (add((String) code) + shift);
                }
            }
            return mask;
        }

        /** The code's bit from {@code shift}: 0 for null (no filter), {@link #NOBODY} for a code nobody holds. */
        long bit(String code, int shift) {
            if (code == null) {
                return 0;
            }
            Integer number = numbers.get(code);
            return number == null ? NOBODY : 1L << (number + shift);
        }

        /** The codes counted more than 0 times, from the counts of the bits from {@code shift}. */
        Map<String, Long> counts(long[] bitCounts, int shift) {
            Map<String, Long> counts = new HashMap<>();
            for (int i = 0; i < codes.size(); i++) {
                if (bitCounts[i + shift] > 0) {
                    counts.put(codes.get(i), bitCounts[i + shift]);
                }
            }
            return counts;
        }
    }
}
