package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.service.AreaScope.Level;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The orientation search over the listing table, in SQL: two statements per page (the page, then the
 * counts per level and the facets of the whole filtered set), served by the zone, department, region
 * and remote indexes and the GIN indexes of the array columns. Order: level, then registry number.
 * The second statement, the costly one, is cached per read-model version ({@link SearchAggregateCache}).
 */
@ApplicationScoped
public class PractitionerSearch {

    private static final String COLUMNS = "practitioner_id, registry_number, public_name, commune_code, zone_code, "
            + "department_code, region_code, modes, domains, appellations, formats, languages, remote, label_number, "
            + "label_state, expires_on";

    private final DataSource dataSource;
    private final SearchAggregateCache aggregateCache;

    PractitionerSearch(DataSource dataSource, SearchAggregateCache aggregateCache) {
        this.dataSource = dataSource;
        this.aggregateCache = aggregateCache;
    }

    /** Counts per level and facets of the whole filtered set, and what they say of the area. */
    public record Aggregates(long total, Map<Level, Long> countsByLevel, Level widenedTo, boolean areaHasMatches,
            SearchResult.Facets facets) {
    }

    /** A fragment of SQL and its parameters, in order. */
    private record Sql(String text, List<Object> params) {
    }

    /**
     * Runs the search on the caller's connection (in its transaction, if any), without the caches:
     * for callers that need the listing as it is in their own transaction (best-match requests).
     */
    public SearchResult run(SearchCriteria c) {
        try (Connection connection = dataSource.getConnection()) {
            return run(connection, c, aggregates(connection, c), -1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Runs the search in one read-only snapshot that also reads the {@link ReadModelVersion}, so the
     * result is exactly that version's; the aggregates come from the cache of that version when it has
     * them. Must not be called inside a JTA transaction.
     */
    public SearchResult runAtVersion(SearchCriteria c) {
        return inSnapshot(connection -> {
            long version = ReadModelVersion.read(connection);
            Aggregates aggregates = aggregateCache.get(c, version, () -> aggregates(connection, c));
            return run(connection, c, aggregates, version);
        });
    }

    /** The aggregates of the search (counts per level and facets) at the current version, cached. */
    public Aggregates aggregatesAtVersion(SearchCriteria c) {
        return inSnapshot(connection -> {
            long version = ReadModelVersion.read(connection);
            return aggregateCache.get(c, version, () -> aggregates(connection, c));
        });
    }

    private SearchResult run(Connection connection, SearchCriteria c, Aggregates a, long version)
            throws SQLException {
        List<SearchResult.Hit> items = page(connection, c, rank(c.scope()), where(c));
        return new SearchResult(items, c.page(), c.size(), a.total(), a.countsByLevel(), a.widenedTo(),
                a.areaHasMatches(), a.facets(), version);
    }

    private interface SnapshotWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inSnapshot(SnapshotWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("orientation search failed [" + e.getSQLState() + "]", e);
    }

    private Aggregates aggregates(Connection connection, SearchCriteria c) throws SQLException {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        Map<String, Long> domains = new TreeMap<>();
        Map<String, Long> modes = new TreeMap<>();
        Map<String, Long> formats = new TreeMap<>();
        long total = aggregates(connection, rank(c.scope()), where(c), counts, domains, modes, formats);
        Level widenedTo = null;
        boolean inArea = true;
        if (c.scope() != null) {
            inArea = counts.getOrDefault(c.scope().primary(), 0L) > 0;
            widenedTo = inArea ? null : counts.keySet().stream().findFirst().orElse(null);
        }
        // Shared by the cache: read-only from here on (the maps keep their order).
        return new Aggregates(total, Collections.unmodifiableMap(counts), widenedTo, inArea, new SearchResult.Facets(
                Collections.unmodifiableMap(domains), Collections.unmodifiableMap(modes),
                Collections.unmodifiableMap(formats)));
    }

    private List<SearchResult.Hit> page(Connection connection, SearchCriteria c, Sql rank, Sql where)
            throws SQLException {
        Sql page = c.scope() == null ? new Sql("select " + COLUMNS + ", " + rank.text() + " as rank from listing where "
                + where.text(), concat(rank.params(), where.params())) : pageByLevel(c);
        String sql = page.text() + " order by rank, registry_number limit ? offset ?";
        List<Object> params = new ArrayList<>(page.params());
        params.add(c.size());
        params.add((long) c.page() * c.size());
        List<SearchResult.Hit> hits = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                int level = rs.getInt("rank");
                hits.add(new SearchResult.Hit((UUID) rs.getObject("practitioner_id"), rs.getString("registry_number"),
                        rs.getString("public_name"), rs.getString("commune_code"), rs.getString("zone_code"),
                        rs.getString("department_code"), rs.getString("region_code"), list(rs.getArray("modes")),
                        list(rs.getArray("domains")), list(rs.getArray("appellations")), list(rs.getArray("formats")),
                        list(rs.getArray("languages")), rs.getBoolean("remote"), rs.getString("label_number"),
                        rs.getString("label_state"), rs.getObject("expires_on", java.time.LocalDate.class),
                        level < 0 ? null : Level.values()[level]));
            }
        }
        return hits;
    }

    /**
     * The rows of a page with an area, level by level: each level is its own query in registry-number order
     * with a limit (the zone, department and region indexes and the remote one serve them), so a page reads
     * about as many rows as it shows, where one ranked query read and sorted every match of the area and every
     * remote practitioner of the country (item 42 of the benchmarks).
     */
    private static Sql pageByLevel(SearchCriteria c) {
        long rows = (long) (c.page() + 1) * c.size();
        Sql filters = filters(c);
        List<Rung> area = rungs(c.scope());
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i <= area.size(); i++) {
            boolean remote = i == area.size(); // last: practising remotely, from anywhere else
            StringBuilder part = new StringBuilder("(select ").append(COLUMNS).append(", ")
                    .append(remote ? Level.REMOTE.ordinal() : area.get(i).level().ordinal())
                    .append(" as rank from listing where ").append(filters.text())
                    .append(remote ? " and remote" : " and " + area.get(i).column() + " = ?");
            params.addAll(filters.params());
            if (!remote) {
                params.add(area.get(i).code());
            }
            for (Rung earlier : area.subList(0, i)) {
                part.append(" and ").append(earlier.column()).append(" is distinct from ?");
                params.add(earlier.code());
            }
            parts.add(part.append(" order by registry_number limit ?)").toString());
            params.add(rows);
        }
        return new Sql("select * from (" + String.join(" union all ", parts) + ") page", params);
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Fills the counts per level and the facets; returns the total. */
    private long aggregates(Connection connection, Sql rank, Sql where, Map<Level, Long> counts,
            Map<String, Long> domains, Map<String, Long> modes, Map<String, Long> formats) throws SQLException {
        String sql = "with f as (select " + rank.text() + " as rank, domains, modes, formats from listing where "
                + where.text() + ") "
                + "select 'L', rank::text, count(*) from f group by rank "
                + "union all select 'D', v, count(*) from f, unnest(f.domains) v group by v "
                + "union all select 'M', v, count(*) from f, unnest(f.modes) v group by v "
                + "union all select 'F', v, count(*) from f, unnest(f.formats) v group by v";
        List<Object> params = new ArrayList<>(rank.params());
        params.addAll(where.params());
        long total = 0;
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(2);
                long count = rs.getLong(3);
                switch (rs.getString(1)) {
                    case "L" -> {
                        total += count;
                        int level = Integer.parseInt(key);
                        if (level >= 0) {
                            counts.put(Level.values()[level], count);
                        }
                    }
                    case "D" -> domains.put(key, count);
                    case "M" -> modes.put(key, count);
                    default -> formats.put(key, count);
                }
            }
        }
        return total;
    }

    /** The level of a row as a number (the ordinal of {@link Level}), -1 without an area. */
    private static Sql rank(AreaScope scope) {
        if (scope == null) {
            return new Sql("-1", List.of());
        }
        StringBuilder sql = new StringBuilder("case");
        List<Object> params = new ArrayList<>();
        for (Rung rung : rungs(scope)) {
            sql.append(" when ").append(rung.column()).append(" = ? then ").append(rung.level().ordinal());
            params.add(rung.code());
        }
        sql.append(" else ").append(Level.REMOTE.ordinal()).append(" end");
        return new Sql(sql.toString(), params);
    }

    /** A level of the area's ladder: the listing column that matches it and the area's code there. */
    private record Rung(Level level, String column, String code) {
    }

    /** The area's levels that have a code, from the narrowest (zone) to the widest (region). */
    private static List<Rung> rungs(AreaScope scope) {
        if (scope == null) {
            return List.of();
        }
        return Stream.of(new Rung(Level.ZONE, "zone_code", scope.zoneCode()),
                new Rung(Level.DEPARTMENT, "department_code", scope.departmentCode()),
                new Rung(Level.REGION, "region_code", scope.regionCode())).filter(r -> r.code() != null).toList();
    }

    private static Sql where(SearchCriteria c) {
        Sql filters = filters(c);
        List<String> conditions = new ArrayList<>(List.of(filters.text()));
        List<Object> params = new ArrayList<>(filters.params());
        if (c.scope() != null) {
            List<String> scope = new ArrayList<>();
            for (Rung rung : rungs(c.scope())) {
                scope.add(rung.column() + " = ?");
                params.add(rung.code());
            }
            scope.add("remote");
            conditions.add("(" + String.join(" or ", scope) + ")");
        }
        return new Sql(String.join(" and ", conditions), params);
    }

    /** The conditions of the search but its area. */
    private static Sql filters(SearchCriteria c) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (c.domains() != null && !c.domains().isEmpty()) {
            conditions.add("domains && ?");
            params.add(c.domains().toArray(String[]::new));
        }
        arrayContains(conditions, params, "appellations", c.appellation());
        arrayContains(conditions, params, "modes", c.mode());
        arrayContains(conditions, params, "formats", c.format());
        arrayContains(conditions, params, "languages", c.language());
        if (c.remote() != null) {
            conditions.add(c.remote() ? "remote" : "not remote");
        }
        return new Sql(conditions.isEmpty() ? "true" : String.join(" and ", conditions), params);
    }

    private static void arrayContains(List<String> conditions, List<Object> params, String column, String code) {
        if (code != null) {
            conditions.add(column + " @> ?");
            params.add(new String[] {code});
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("varchar", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
