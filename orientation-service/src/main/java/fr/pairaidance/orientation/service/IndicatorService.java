package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.service.Indicators.Count;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes the indicators of an area from the listing, the requests and the search outcome counters. */
@ApplicationScoped
public class IndicatorService {

    private final EntityManager em;
    private final Geography geography;
    private final Vocabularies vocabularies;
    private final SearchOutcomes outcomes;
    private final OrientationConfig config;

    IndicatorService(EntityManager em, Geography geography, Vocabularies vocabularies, SearchOutcomes outcomes,
            OrientationConfig config) {
        this.em = em;
        this.geography = geography;
        this.vocabularies = vocabularies;
        this.outcomes = outcomes;
        this.config = config;
    }

    public Indicators of(AreaScope scope) {
        outcomes.flush();
        Geography.Area area = scope.area();
        int t = config.disclosure().indicatorThreshold();
        String column = column(area);
        long practitioners = count("select count(*) from listing where " + column + " = ?1", area.code());
        Map<String, Long> perDomain = new HashMap<>();
        for (Object[] row : rows("select d, count(*) from listing, unnest(domains) d where " + column
                + " = ?1 group by d", area.code())) {
            perDomain.put((String) row[0], ((Number) row[1]).longValue());
        }
        List<Indicators.DomainCount> byDomain = vocabularies.terms(Vocabularies.DOMAINS).stream()
                .map(term -> new Indicators.DomainCount(term.code(), Count.of(perDomain.getOrDefault(term.code(), 0L), t)))
                .toList();
        long population = geography.population(area);
        Count labelled = Count.of(practitioners, t);
        BigDecimal density = labelled.suppressed() || population == 0 ? null
                : BigDecimal.valueOf(practitioners * 100_000L).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
        return new Indicators(area.toString(), name(area), population, t, labelled, density, byDomain,
                requests(area, column, t), unmet(area, t));
    }

    private Indicators.Requests requests(Geography.Area area, String column, int t) {
        Map<String, Long> byStatus = new HashMap<>();
        for (Object[] row : rows("select status, count(*) from orientation_request where " + column
                + " = ?1 group by status", area.code())) {
            byStatus.put((String) row[0], ((Number) row[1]).longValue());
        }
        long sent = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long accepted = byStatus.getOrDefault("ACCEPTED", 0L);
        Count sentCount = Count.of(sent, t);
        Count acceptedCount = Count.of(accepted, t);
        BigDecimal rate = sent == 0 || sentCount.suppressed() || acceptedCount.suppressed() ? null
                : BigDecimal.valueOf(accepted).divide(BigDecimal.valueOf(sent), 3, RoundingMode.HALF_UP);
        return new Indicators.Requests(sentCount, acceptedCount, Count.of(byStatus.getOrDefault("DECLINED", 0L), t),
                Count.of(byStatus.getOrDefault("EXPIRED", 0L), t), Count.of(byStatus.getOrDefault("PENDING", 0L), t),
                rate);
    }

    private Indicators.UnmetDemand unmet(Geography.Area area, int t) {
        Object[] row = rows("select coalesce(sum(searches), 0), coalesce(sum(unmet_searches), 0), "
                + "coalesce(sum(unmet_requests), 0) from search_outcome where " + column(area) + " = ?1", area.code()).get(0);
        return new Indicators.UnmetDemand(Count.of(((Number) row[0]).longValue(), t),
                Count.of(((Number) row[1]).longValue(), t), Count.of(((Number) row[2]).longValue(), t));
    }

    /** The column holding the area's code; indicators are kept per zone, department and region only. */
    private static String column(Geography.Area area) {
        return switch (area.kind()) {
            case ZONE -> "zone_code";
            case DEPARTMENT -> "department_code";
            case REGION -> "region_code";
            case COMMUNE -> throw new IllegalArgumentException("no indicators per commune");
        };
    }

    private String name(Geography.Area area) {
        return switch (area.kind()) {
            case ZONE -> geography.zone(area.code()).map(Geography.Zone::name).orElse(null);
            case DEPARTMENT -> geography.department(area.code()).map(Geography.Department::name).orElse(null);
            case REGION -> geography.region(area.code()).map(Geography.Region::name).orElse(null);
            case COMMUNE -> geography.commune(area.code()).map(Geography.Commune::name).orElse(null);
        };
    }

    private long count(String sql, String code) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, code).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String code) {
        return em.createNativeQuery(sql).setParameter(1, code).getResultList();
    }
}
