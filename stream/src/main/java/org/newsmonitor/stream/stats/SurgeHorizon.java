package org.newsmonitor.stream.stats;

import java.time.Duration;

/**
 * Which hours are judged for surges: the current ones. A surge says "this theme is unusually busy now", so an hour is
 * judged only while it is recent by the wall clock, that is when it ended at most {@code lateness} ago and starts at
 * most {@code futureSkew} ahead (publication clocks run a little fast). Older hours, such as those of a replayed
 * archive, are counted but never reported as surges: their baseline may still be arriving in any order, and an alert
 * "surge now" about last year would be wrong.
 *
 * @param lateness   how long after its end an hour may still be judged (late matches still count towards a surge)
 * @param futureSkew how far ahead of the wall clock an hour may start and still be judged
 */
public record SurgeHorizon(Duration lateness, Duration futureSkew) {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    public SurgeHorizon {
        if (lateness == null || lateness.isNegative()) {
            throw new IllegalArgumentException("surge lateness must not be negative, was " + lateness);
        }
        if (futureSkew == null || futureSkew.isNegative()) {
            throw new IllegalArgumentException("surge futureSkew must not be negative, was " + futureSkew);
        }
    }

    /** Whether the hour starting at {@code hourStartMs} is current at wall-clock time {@code nowMs}. */
    public boolean judges(long hourStartMs, long nowMs) {
        return hourStartMs + HOUR + lateness.toMillis() > nowMs && hourStartMs <= nowMs + futureSkew.toMillis();
    }
}
