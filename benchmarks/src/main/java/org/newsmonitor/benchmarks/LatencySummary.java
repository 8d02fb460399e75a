package org.newsmonitor.benchmarks;

import java.util.Collection;

/**
 * Percentiles of a set of latencies in milliseconds (nearest-rank).
 *
 * @param count samples
 * @param p50   median
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   largest sample
 */
public record LatencySummary(int count, double p50, double p95, double p99, double max) {

    /** The summary of these samples; all zero when there are none. */
    public static LatencySummary of(Collection<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
