package org.newsmonitor.ingest.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a feed's past tells its polling policy: the publication times of its latest items, and how its items spread
 * over the hours of its local day (a moving average over about its last hundred items; each hour's weight is the
 * share of recent items published in that hour, the weights add up to at most 1).
 *
 * @param itemTimes publication times of the latest items, oldest first; never null
 * @param hourly    24 weights, one per local hour (0 = midnight to 1 am); all 0 when nothing is known
 */
public record PublicationHistory(List<Instant> itemTimes, List<Double> hourly) {
    /** Hours of a day. */
    public static final int HOURS = 24;
    /** Nothing known. */
    public static final PublicationHistory EMPTY = new PublicationHistory(List.of(), List.of());

    public PublicationHistory {
        itemTimes = itemTimes == null ? List.of() : List.copyOf(itemTimes);
        if (hourly == null || hourly.isEmpty()) {
            hourly = Collections.nCopies(HOURS, 0.0);
        }
        if (hourly.size() != HOURS) {
            throw new IllegalArgumentException("hourly needs " + HOURS + " weights, had " + hourly.size());
        }
        List<Double> checked = new ArrayList<>(HOURS);
        for (Double w : hourly) {
            checked.add(w == null || !Double.isFinite(w) || w < 0 ? 0.0 : Math.min(w, 1.0));
        }
        hourly = List.copyOf(checked);
    }

    /** The sum of the hourly weights: how much of the profile is known (0 to 1). */
    public double hourlyTotal() {
        return hourly.stream().mapToDouble(Double::doubleValue).sum();
    }
}
