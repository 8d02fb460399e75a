package org.newsmonitor.benchmarks.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Publication times for the benchmark's flat-out articles, spaced as in a replay of history: article {@code n} of
 * the replay was published {@code n} spacings after the first, and the last one just before the runs start. A
 * flat-out run is what a replay of archives looks like to the monitor; stamping every article "now" instead would
 * put all of them inside the 96-hour story window at once, which no live feed set does.
 *
 * @param first   publication time of article 0
 * @param spacing time between two consecutive articles
 */
record ReplayTimes(Instant first, Duration spacing) {
    /** One article every four seconds: 21,600 a day, a busy feed set. */
    static final Duration DEFAULT_SPACING = Duration.ofSeconds(4);

    ReplayTimes {
        if (spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("spacing must be positive, was " + spacing);
        }
    }

    /** Times for {@code articles} articles whose last one is published one spacing before {@code end}. */
    static ReplayTimes endingBefore(Instant end, long articles, Duration spacing) {
        return new ReplayTimes(end.minus(spacing.multipliedBy(articles)), spacing);
    }

    /** Publication time of article {@code n} of the replay (0 for the first). */
    Instant of(long n) {
        return first.plus(spacing.multipliedBy(n));
    }
}
