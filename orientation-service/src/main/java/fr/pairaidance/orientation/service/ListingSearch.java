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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The orientation search over the listing table: the counts per level and the facets of the whole filtered set,
 * then the page in SQL (order: level, then registry number), read only from the levels the page's window covers
 * and served by the zone, department, region and remote indexes and the GIN indexes of the array columns. The
 * counts and facets come from the in-memory {@link ListingIndex} when it holds the page's version, else from SQL,
 * cached per read-model version ({@link SearchAggregateCache}); with an area they are the area's rows plus the
 * country's remote practitioners, whose part is the same for every area with the same filters and is counted once
 * per version for all of them.
 */
@ApplicationScoped
public class ListingSearch {

    private static final String COLUMNS = "practitioner_id, registry_number, public_name, commune_code, zone_code, "
            + "department_code, region_code, modes, domains, appellations, formats, languages, remote, label_number, "
            + "label_state, expires_on";

    /** The array columns counted as facets. */
    private static final List<String> FACETS = List.of("domains", "modes", "formats");

    private final DataSource dataSource;
    private final SearchAggregateCache aggregateCache;
    private final ListingIndex index;

    ListingSearch(DataSource dataSource, SearchAggregateCache aggregateCache, ListingIndex index) {
        this.dataSource = dataSource;
        this.aggregateCache = aggregateCache;
        this.index = index;
    }

    /** Counts per level and facets of the whole filtered set, and what they say of the area. */
    public record Aggregates(long total, Map<Level, Long> countsByLevel, Level widenedTo, boolean areaHasMatches,
            SearchResult.Facets facets) {

        /** Without an area: the filtered set of the whole country. */
        static Aggregates everywhere(Tally all) {
            return new Aggregates(all.count(), Map.of(), null, true, all.facets());
        }

        /**
         * With an area: {@code counts} per level, in {@link Level} order, none counted 0. The search widens to the
         * first level with results when the area's own has none.
         */
        static Aggregates inArea(AreaScope scope, Map<Level, Long> counts, Tally all) {
            boolean inArea = counts.getOrDefault(scope.primary(), 0L) > 0;
            Level widenedTo = inArea ? null : counts.keySet().stream().findFirst().orElse(null);
            // Shared by the cache: read-only from here on (the map keeps its order).
            return new Aggregates(all.count(), Collections.unmodifiableMap(counts), widenedTo, inArea, all.facets());
        }
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
            return run(connection, c, aggregates(connection, c, () -> remoteTally(connection, c)), -1);
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
            return run(connection, c, cachedAggregates(connection, c, version), version);
        });
    }

    /** The aggregates of the search (counts per level and facets) at the current version, cached. */
    public Aggregates aggregatesAtVersion(SearchCriteria c) {
        return inSnapshot(connection -> cachedAggregates(connection, c, ReadModelVersion.read(connection)));
    }

    private Aggregates cachedAggregates(Connection connection, SearchCriteria c, long version) throws SQLException {
        Optional<Aggregates> indexed = index.aggregates(connection, c, version);
        if (indexed.isPresent()) {
            return indexed.get();
        }
        return aggregateCache.aggregates(c, version, () -> aggregates(connection, c,
                () -> aggregateCache.remoteTally(c, version, () -> remoteTally(connection, c))));
    }

    private SearchResult run(Connection connection, SearchCriteria c, Aggregates a, long version)
            throws SQLException {
        List<SearchResult.Hit> items = page(connection, c, a.countsByLevel());
        return new SearchResult(items, c.page(), c.size(), a.total(), a.countsByLevel(), a.widenedTo(),
                a.areaHasMatches(), a.facets(), version);
    }

    private <T> T inSnapshot(Snapshots.Work<T> work) {
        try {
            return Snapshots.read(dataSource, work);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("orientation search failed [" + e.getSQLState() + "]", e);
    }

    /**
     * Without an area, one statement over the filtered listing. With one, the area's rows ranked by level
     * and, among them, the remote ones; the remote practitioners elsewhere are the country's
     * ({@code remote}) less those. The area's statement reads the rows of its region (the widest rung);
     * the country's remote rows, the costly part for most areas, are read once per filters and version.
     */
    private Aggregates aggregates(Connection connection, SearchCriteria c, SearchAggregateCache.Loader<Tally> remote)
            throws SQLException {
        if (c.scope() == null) {
            return Aggregates.everywhere(count(connection, rank(null), filters(c), false).rows());
        }
        Counted area = count(connection, rank(c.scope()), inArea(c), true);
        Tally remoteElsewhere = remote.load().minus(area.remoteRows());
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        counts.putAll(area.byLevel());
        if (remoteElsewhere.count() > 0) {
            counts.put(Level.REMOTE, remoteElsewhere.count());
        }
        return Aggregates.inArea(c.scope(), counts, area.rows().plus(remoteElsewhere));
    }

    /** The country's remote practitioners matching the filters but the area. */
    private static Tally remoteTally(Connection connection, SearchCriteria c) throws SQLException {
        if (Boolean.FALSE.equals(c.remote())) {
            return Tally.EMPTY;
        }
        Sql filters = filters(c);
        return count(connection, rank(null), new Sql(filters.text() + " and remote", filters.params()), false).rows();
    }

    private List<SearchResult.Hit> page(Connection connection, SearchCriteria c, Map<Level, Long> countsByLevel)
            throws SQLException {
        Sql page;
        if (c.scope() == null) {
            Sql filters = filters(c);
            List<Object> params = new ArrayList<>(filters.params());
            params.add(c.size());
            params.add((long) c.page() * c.size());
            page = new Sql("select " + COLUMNS + ", -1 as rank from listing where " + filters.text()
                    + " order by registry_number limit ? offset ?", params);
        } else {
            page = pageInWindow(c, countsByLevel);
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        if (page == null) {
            return hits;
        }
        String sql = page.text();
        List<Object> params = page.params();
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
     * The rows of a page with an area, from the levels its window covers, or null when it covers none. The
     * order is level, then registry number, and the counts per level say where the window
     * {@code [page × size, page × size + size)} falls in it: each level the window covers is one query in
     * registry-number order with its own offset and limit (the zone, department and region indexes and the
     * remote one serve them), and the levels outside it are not read.
     */
    private static Sql pageInWindow(SearchCriteria c, Map<Level, Long> countsByLevel) {
        long start = (long) c.page() * c.size();
        long end = start + c.size();
        Sql filters = filters(c);
        List<Rung> area = rungs(c.scope());
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        long levelStart = 0;
        for (int i = 0; i <= area.size() && levelStart < end; i++) {
            boolean remote = i == area.size(); // last: practising remotely, from anywhere else
            Level level = remote ? Level.REMOTE : area.get(i).level();
            long levelEnd = levelStart + countsByLevel.getOrDefault(level, 0L);
            long from = Math.max(start, levelStart);
            long to = Math.min(end, levelEnd);
            if (from < to) {
                StringBuilder part = new StringBuilder("(select ").append(COLUMNS).append(", ")
                        .append(level.ordinal()).append(" as rank from listing where ").append(filters.text())
                        .append(remote ? " and remote" : " and " + area.get(i).column() + " = ?");
                params.addAll(filters.params());
                if (!remote) {
                    params.add(area.get(i).code());
                }
                for (Rung earlier : area.subList(0, i)) {
                    part.append(" and ").append(earlier.column()).append(" is distinct from ?");
                    params.add(earlier.code());
                }
                parts.add(part.append(" order by registry_number limit ? offset ?)").toString());
                params.add(to - from);
                params.add(from - levelStart);
            }
            levelStart = levelEnd;
        }
        if (parts.isEmpty()) {
            return null;
        }
        return new Sql("select * from (" + String.join(" union all ", parts) + ") page order by rank, registry_number",
                params);
    }

    /** The counts of a set of rows: per level, in all, and of its remote rows when asked. */
    private record Counted(Map<Level, Long> byLevel, Tally rows, Tally remoteRows) {
    }

    /**
     * Counts the rows matching {@code where}, per level ({@code rank}, none when -1), per domain, mode and
     * format; with {@code remoteApart}, the same of its remote rows (tagged "remote").
     */
    private static Counted count(Connection connection, Sql rank, Sql where, boolean remoteApart)
            throws SQLException {
        StringBuilder sql = new StringBuilder("with f as (select ").append(rank.text())
                .append(" as rank, remote, domains, modes, formats from listing where ").append(where.text())
                .append(") select 'level', rank::text, count(*) from f group by rank");
        for (String column : FACETS) {
            sql.append(" union all select '").append(column).append("', v, count(*) from f, unnest(f.").append(column)
                    .append(") v group by v");
        }
        if (remoteApart) {
            sql.append(" union all select 'remote', null, count(*) from f where remote");
            for (String column : FACETS) {
                sql.append(" union all select 'remote ").append(column).append("', v, count(*) from f, unnest(f.")
                        .append(column).append(") v where remote group by v");
            }
        }
        List<Object> params = new ArrayList<>(rank.params());
        params.addAll(where.params());
        Map<Level, Long> byLevel = new EnumMap<>(Level.class);
        Map<String, Map<String, Long>> values = new HashMap<>();
        long count = 0;
        long remoteCount = 0;
        try (PreparedStatement statement = prepare(connection, sql.toString(), params);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String tag = rs.getString(1);
                long n = rs.getLong(3);
                switch (tag) {
                    case "level" -> {
                        count += n;
                        int level = Integer.parseInt(rs.getString(2));
                        if (level >= 0) {
                            byLevel.put(Level.values()[level], n);
                        }
                    }
                    case "remote" -> remoteCount = n;
                    default -> values.computeIfAbsent(tag, t -> new HashMap<>()).put(rs.getString(2), n);
                }
            }
        }
        return new Counted(byLevel, tally(count, values, ""), tally(remoteCount, values, "remote "));
    }

    private static Tally tally(long count, Map<String, Map<String, Long>> values, String tagPrefix) {
        return new Tally(count, values.getOrDefault(tagPrefix + "domains", Map.of()),
                values.getOrDefault(tagPrefix + "modes", Map.of()), values.getOrDefault(tagPrefix + "formats", Map.of()));
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

    /** The conditions of the search, in the area: any of its rungs (remote practitioners elsewhere apart). */
    private static Sql inArea(SearchCriteria c) {
        Sql filters = filters(c);
        List<String> rungs = new ArrayList<>();
        List<Object> params = new ArrayList<>(filters.params());
        for (Rung rung : rungs(c.scope())) {
            rungs.add(rung.column() + " = ?");
            params.add(rung.code());
        }
        return new Sql(filters.text() + " and (" + String.join(" or ", rungs) + ")", params);
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
