package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.persistence.ApplicationState;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelApplication;
import fr.pairaidance.labelling.persistence.LabelState;
import fr.pairaidance.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Lists of applications and labels: staff filter them; a practitioner sees their own. */
@ApplicationScoped
public class LabelQueries {

    public Page<LabelApplication> applications(ApplicationState state, UUID practitionerId, int page, int size) {
        Filter f = new Filter();
        f.add("state", state);
        f.add("practitionerId", practitionerId);
        return page(LabelApplication.find(f.query("submittedAt desc, id"), f.parameters), page, size);
    }

    public Page<Label> labels(LabelState state, UUID practitionerId, int page, int size) {
        Filter f = new Filter();
        f.add("state", state);
        f.add("practitionerId", practitionerId);
        return page(Label.find(f.query("number"), f.parameters), page, size);
    }

    public List<LabelApplication> myApplications(Caller caller) {
        return Access.practitionerOf(caller).map(LabelApplication::of).orElse(List.of());
    }

    public List<Label> myLabels(Caller caller) {
        return Access.practitionerOf(caller).map(Label::of).orElse(List.of());
    }

    private static <T> Page<T> page(PanacheQuery<T> query, int page, int size) {
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Equality conditions on the fields that were given. */
    private static final class Filter {
        private final List<String> conditions = new ArrayList<>();
        private final Parameters parameters = new Parameters();

        void add(String field, Object value) {
            if (value != null) {
                conditions.add(field + " = :" + field);
                parameters.and(field, value);
            }
        }

        String query(String order) {
            return (conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ") + "order by " + order;
        }
    }
}
