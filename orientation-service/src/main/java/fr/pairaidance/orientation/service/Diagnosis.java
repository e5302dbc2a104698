package fr.pairaidance.orientation.service;

import java.util.List;

/** The result of a self-diagnosis: estimates per situation with their source, and the domains to search. */
public record Diagnosis(long workforceTotal, int suppressionThreshold, String figures, String area,
        List<SituationEstimate> situations) {

    public record SituationEstimate(String code, String label, List<String> domains, String searchUrl,
            List<Estimate> estimates) {
    }

    /**
     * One figure set applied to the employees it covers. {@code estimate} is the rounded expected number
     * (null when suppressed); {@code display} is what to show ("< 3" when suppressed).
     */
    public record Estimate(String sourceId, String source, String population, String describes, String label,
            Long estimate, String display, boolean suppressed, long employeesCovered,
            List<FigureUsed> figuresUsed) {
    }

    public record FigureUsed(String ageBand, String gender, String percent) {
    }
}
