package org.newsmonitor.benchmarks.polling;

import java.time.Duration;
import java.util.List;
import org.newsmonitor.benchmarks.LatencySummary;

/**
 * What one simulated polling strategy achieved in the measured span.
 *
 * @param delaysMillis delay from publication to fetch of every item published and fetched in the span
 * @param requests     requests sent in the span
 * @param requestsByKind requests sent in the span, per kind of feed
 * @param missed       items published in the span that fell out of the feed's document before a poll
 * @param unfetched    items published in the span and not fetched by its end
 * @param span         the measured span
 */
public record SimulationResult(List<Long> delaysMillis, long requests,
        java.util.Map<SimulatedFeed.Kind, Long> requestsByKind, long missed, long unfetched, Duration span) {

    public SimulationResult {
        delaysMillis = List.copyOf(delaysMillis);
        requestsByKind = java.util.Map.copyOf(requestsByKind);
    }

    /** Percentiles of the delays, in milliseconds. */
    public LatencySummary delays() {
        return LatencySummary.of(delaysMillis.stream().map(Long::doubleValue).toList());
    }

    /** Requests per day of the span. */
    public double requestsPerDay() {
        return requests * 86_400_000.0 / span.toMillis();
    }
}
