package org.newsmonitor.benchmarks.freshness;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a sample. Pure. */
final class Percentiles {
    private Percentiles() {
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code p} percent of the sample at or below it.
     *
     * @param sample the values; not empty
     * @param p      in (0, 100]
     */
    static double of(List<Double> sample, double p) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        double[] sorted = sample.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
