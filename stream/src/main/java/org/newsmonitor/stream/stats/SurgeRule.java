package org.newsmonitor.stream.stats;

import java.util.Optional;

/**
 * When a theme's hourly volume is a surge: the hour's count is at least {@code max(minCount, factor x baseline)},
 * where the baseline is the mean count of the {@code baselineHours} hours before it (hours without matches count
 * as zero). With the defaults: at least 3 matches and at least 3 times the mean of the previous 24 hours. The
 * reported ratio is the count divided by the baseline, so that "count, ratio times the usual baseline" adds up; when
 * the baseline is zero, the count divided by the least non-zero baseline (one match over the baseline hours), so
 * that it stays finite.
 *
 * @param minCount      least hourly count that can be a surge; at least 1
 * @param factor        how many times the baseline the count must reach; at least 1
 * @param baselineHours how many preceding hours form the baseline; at least 1
 */
public record SurgeRule(int minCount, double factor, int baselineHours) {
    /** At least 3 matches and 3 times the mean of the previous 24 hours. */
    public static final SurgeRule DEFAULT = new SurgeRule(3, 3.0, 24);

    public SurgeRule {
        if (minCount < 1) {
            throw new IllegalArgumentException("surge minCount must be at least 1, was " + minCount);
        }
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("surge factor must be at least 1, was " + factor);
        }
        if (baselineHours < 1) {
            throw new IllegalArgumentException("surge baselineHours must be at least 1, was " + baselineHours);
        }
    }

    /**
     * Evaluates one hour.
     *
     * @param count         matches in the hour
     * @param previousTotal matches in the {@code baselineHours} hours before it
     * @return the surge, or empty when the hour is ordinary; never null
     */
    public Optional<Surge> evaluate(long count, long previousTotal) {
        double baseline = (double) previousTotal / baselineHours;
        if (count < minCount || count < factor * baseline) {
            return Optional.empty();
        }
        double least = 1.0 / baselineHours;
        return Optional.of(new Surge(count, baseline, count / Math.max(baseline, least)));
    }

    /**
     * A surging hour.
     *
     * @param count    matches in the hour
     * @param baseline mean hourly matches before it
     * @param ratio    count over the baseline (over one match per baseline period when the baseline is zero)
     */
    public record Surge(long count, double baseline, double ratio) {
    }
}
