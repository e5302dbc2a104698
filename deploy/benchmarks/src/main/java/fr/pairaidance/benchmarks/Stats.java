package fr.pairaidance.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Medians and percentiles of a few numbers. */
final class Stats {

    private Stats() {
    }

    static double median(Collection<Double> values) {
        return percentile(values, 50);
    }

    static double percentile(Collection<Double> values, double p) {
        double[] v = values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        if (p == 50 && v.length % 2 == 0) {
            return (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, rank))];
    }

    /** The median of a few runs' values, with their minimum and maximum. */
    static java.util.Map<String, Object> spread(java.util.List<Double> values) {
        return java.util.Map.of("median", round(median(values), 1), "min", round(percentile(values, 0), 1), "max",
                round(percentile(values, 100), 1));
    }

    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String list(double[] values) {
        return Arrays.toString(values);
    }
}
