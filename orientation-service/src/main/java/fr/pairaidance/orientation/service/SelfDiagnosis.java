package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.service.PrevalenceTable.Figure;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The estimate: for each situation and each figure set (one source and population), every workforce
 * cell takes the most specific figure of the set (age band and gender, then age band, then gender,
 * then all); the estimate is the sum of count x percent / 100 over the cells a figure covers,
 * rounded half up. Estimates below the disclosure threshold are suppressed.
 */
@ApplicationScoped
public class SelfDiagnosis {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PrevalenceTable table;
    private final OrientationConfig config;
    private final AreaScopes areas;

    SelfDiagnosis(PrevalenceTable table, OrientationConfig config, AreaScopes areas) {
        this.table = table;
        this.config = config;
        this.areas = areas;
    }

    public Diagnosis estimate(DiagnosisInput input) {
        AreaScope scope = areas.parse("area", input.area());
        long total = input.workforce().stream().mapToLong(DiagnosisInput.Cell::count).sum();
        List<Diagnosis.SituationEstimate> situations = new ArrayList<>();
        for (PrevalenceTable.Situation situation : table.situations()) {
            List<Diagnosis.Estimate> estimates = new ArrayList<>();
            groups(situation.code()).forEach(group -> estimate(group, input.workforce()).ifPresent(estimates::add));
            estimates.sort(Comparator.comparing(e -> !"WORKERS".equals(e.describes())));
            String searchUrl = scope == null ? null : "/api/v1/practitioners?area=" + scope.area()
                    + situation.domains().stream().map(d -> "&domain=" + d).reduce("", String::concat);
            situations.add(new Diagnosis.SituationEstimate(situation.code(), situation.label(), situation.domains(),
                    searchUrl, estimates));
        }
        return new Diagnosis(total, config.disclosure().diagnosisThreshold(), table.provenance(),
                scope == null ? null : scope.area().toString(), situations);
    }

    /** The figure sets of a situation: figures of the same source, population and label. */
    private List<List<Figure>> groups(String situation) {
        Map<String, List<Figure>> groups = new LinkedHashMap<>();
        table.figures().stream().filter(f -> f.situation().equals(situation)).forEach(f -> groups
                .computeIfAbsent(f.sourceId() + "|" + f.population() + "|" + f.label(), k -> new ArrayList<>()).add(f));
        return new ArrayList<>(groups.values());
    }

    private Optional<Diagnosis.Estimate> estimate(List<Figure> group, List<DiagnosisInput.Cell> workforce) {
        BigDecimal sum = BigDecimal.ZERO;
        long covered = 0;
        Set<Figure> used = new LinkedHashSet<>();
        for (DiagnosisInput.Cell cell : workforce) {
            Optional<Figure> figure = bestFigure(group, cell);
            if (figure.isPresent()) {
                sum = sum.add(BigDecimal.valueOf(cell.count()).multiply(figure.get().percent()));
                covered += cell.count();
                used.add(figure.get());
            }
        }
        if (used.isEmpty()) {
            return Optional.empty();
        }
        long rounded = sum.divide(HUNDRED).setScale(0, RoundingMode.HALF_UP).longValueExact();
        int threshold = config.disclosure().diagnosisThreshold();
        boolean suppressed = rounded < threshold;
        Figure first = group.get(0);
        return Optional.of(new Diagnosis.Estimate(first.sourceId(), table.citation(first.sourceId()),
                first.population(), first.describes().name(), first.label(), suppressed ? null : rounded,
                suppressed ? "< " + threshold : Long.toString(rounded), suppressed, covered,
                used.stream().map(f -> new Diagnosis.FigureUsed(f.ageBand(), f.gender(), f.percent().toPlainString()))
                        .toList()));
    }

    private static Optional<Figure> bestFigure(List<Figure> group, DiagnosisInput.Cell cell) {
        String gender = "X".equals(cell.gender()) ? "all" : cell.gender();
        for (String[] wanted : new String[][] {{cell.ageBand(), gender}, {cell.ageBand(), "all"}, {"all", gender},
                {"all", "all"}}) {
            Optional<Figure> match = group.stream()
                    .filter(f -> f.ageBand().equals(wanted[0]) && f.gender().equals(wanted[1])).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
