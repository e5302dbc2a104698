package fr.pairaidance.benchmarks;

/**
 * The three statements orientation-service runs for one search page with an area and a domain when its
 * caches do not hold the answer (see its ListingSearch), with the values inlined: the page, level by level;
 * the counts per level and the facets of the area's rows and of their remote ones (the area part); the
 * country's remote practitioners with that domain and their facets (the remote part, shared by every area).
 */
final class SearchSql {

    private SearchSql() {
    }

    static String of(String zone, String department, String region, String domain, int size) {
        String rank = "case when zone_code = '" + zone + "' then 0 when department_code = '" + department
                + "' then 1 when region_code = '" + region + "' then 2 else 3 end";
        String where = "domains && '{" + domain + "}'::varchar[] and (zone_code = '" + zone + "' or department_code = '"
                + department + "' or region_code = '" + region + "')";
        // The page over all four levels, each in registry-number order with a limit: what a window covering every
        // level reads (the service reads only the levels its window covers).
        String columns = "practitioner_id, registry_number, public_name, commune_code, zone_code, department_code, "
                + "region_code, modes, domains, appellations, formats, languages, remote, label_number, label_state, "
                + "expires_on";
        String filter = "domains && '{" + domain + "}'::varchar[]";
        String notZone = " and zone_code is distinct from '" + zone + "'";
        String notDepartment = " and department_code is distinct from '" + department + "'";
        String notRegion = " and region_code is distinct from '" + region + "'";
        String limit = " order by registry_number limit " + size + ")";
        String page = "select * from ("
                + "(select " + columns + ", 0 as rank from listing where " + filter + " and zone_code = '" + zone + "'"
                + limit
                + " union all (select " + columns + ", 1 as rank from listing where " + filter + " and department_code = '"
                + department + "'" + notZone + limit
                + " union all (select " + columns + ", 2 as rank from listing where " + filter + " and region_code = '"
                + region + "'" + notZone + notDepartment + limit
                + " union all (select " + columns + ", 3 as rank from listing where " + filter + " and remote" + notZone
                + notDepartment + notRegion + limit
                + ") page order by rank, registry_number limit " + size + " offset 0;";
        String aggregates = "with f as (select " + rank + " as rank, remote, domains, modes, formats from listing where "
                + where + ") select 'level', rank::text, count(*) from f group by rank"
                + facets("", "")
                + " union all select 'remote', null, count(*) from f where remote"
                + facets("remote ", " where remote") + ";";
        String remote = "with f as (select -1 as rank, remote, domains, modes, formats from listing where " + filter
                + " and remote) select 'level', rank::text, count(*) from f group by rank" + facets("", "") + ";";
        return page + "\n" + aggregates + "\n" + remote + "\n";
    }

    private static String facets(String tagPrefix, String condition) {
        StringBuilder sql = new StringBuilder();
        for (String column : new String[] {"domains", "modes", "formats"}) {
            sql.append(" union all select '").append(tagPrefix).append(column).append("', v, count(*) from f, unnest(f.")
                    .append(column).append(") v").append(condition).append(" group by v");
        }
        return sql.toString();
    }
}
