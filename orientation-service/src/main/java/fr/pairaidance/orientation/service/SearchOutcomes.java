package fr.pairaidance.orientation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts searches with an area, and searches and requests that found nobody there (unmet demand),
 * per place: no query, no caller, no personal data. Counted in memory so that a search never writes,
 * and added to table {@code search_outcome} periodically and before indicators are read.
 */
@ApplicationScoped
public class SearchOutcomes {

    private record Place(String zone, String department, String region) {
    }

    private record Counters(LongAdder searches, LongAdder unmetSearches, LongAdder unmetRequests) {
        Counters() {
            this(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private final EntityManager em;
    private final Map<Place, Counters> pending = new ConcurrentHashMap<>();

    SearchOutcomes(EntityManager em) {
        this.em = em;
    }

    public void searched(AreaScope scope, boolean found) {
        Counters counters = counters(scope);
        counters.searches().increment();
        if (!found) {
            counters.unmetSearches().increment();
        }
    }

    public void requestUnmet(AreaScope scope) {
        counters(scope).unmetRequests().increment();
    }

    @Scheduled(every = "${orientation.search.outcome-flush-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void flush() {
        for (Place place : pending.keySet()) {
            Counters counters = pending.remove(place);
            if (counters == null) {
                continue;
            }
            em.createNativeQuery("insert into search_outcome as s (zone_code, department_code, region_code, searches, "
                            + "unmet_searches, unmet_requests) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict "
                            + "(zone_code, department_code, region_code) do update set searches = s.searches + excluded.searches, "
                            + "unmet_searches = s.unmet_searches + excluded.unmet_searches, "
                            + "unmet_requests = s.unmet_requests + excluded.unmet_requests")
                    .setParameter(1, place.zone()).setParameter(2, place.department()).setParameter(3, place.region())
                    .setParameter(4, counters.searches().sum()).setParameter(5, counters.unmetSearches().sum())
                    .setParameter(6, counters.unmetRequests().sum())
                    .executeUpdate();
        }
    }

    private Counters counters(AreaScope scope) {
        Place place = new Place(Objects.toString(scope.zoneCode(), ""), Objects.toString(scope.departmentCode(), ""),
                Objects.toString(scope.regionCode(), ""));
        return pending.computeIfAbsent(place, p -> new Counters());
    }
}
