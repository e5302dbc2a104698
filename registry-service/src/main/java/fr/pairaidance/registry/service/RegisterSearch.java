package fr.pairaidance.registry.service;

import fr.pairaidance.registry.persistence.Practitioner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The agents' and regulators' search of the register, paginated in a stable order. */
public class RegisterSearch {

    /** Filters; null means "any". Page numbers start at 0. */
    public record Criteria(String name, String zone, String department, String region, String domain,
            Practitioner.Status status, Boolean coreComplete, int page, int size) {
    }

    public record Page(List<Practitioner> items, int page, int size, long total) {
    }

    private final EntityManager em;

    RegisterSearch(EntityManager em) {
        this.em = em;
    }

    Page run(Criteria c) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (c.name() != null && !c.name().isBlank()) {
            where.add("(lower(p.familyName) like :name escape '\\' or lower(p.givenName) like :name escape '\\'"
                    + " or p.registryNumber = :number)");
            // A prefix: the typed text's own % and _ are letters, not wildcards.
            params.put("name", c.name().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
            params.put("number", c.name().strip().toUpperCase(Locale.ROOT));
        }
        filter(where, params, "p.zoneCode = :zone", "zone", c.zone());
        filter(where, params, "p.departmentCode = :department", "department", c.department());
        filter(where, params, "p.regionCode = :region", "region", c.region());
        filter(where, params, "array_contains(p.domains, :domain)", "domain", c.domain());
        filter(where, params, "p.status = :status", "status", c.status());
        filter(where, params, "p.coreComplete = :core", "core", c.coreComplete());
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        int size = c.size();
        TypedQuery<Practitioner> query = em.createQuery(
                "select p from Practitioner p" + condition + " order by p.registryNumber", Practitioner.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from Practitioner p" + condition, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Practitioner> items = query.setFirstResult(c.page() * size).setMaxResults(size).getResultList();
        return new Page(items, c.page(), size, count.getSingleResult());
    }

    private static void filter(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }
}
