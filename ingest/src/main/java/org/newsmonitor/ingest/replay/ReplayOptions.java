package org.newsmonitor.ingest.replay;

import java.io.PrintStream;
import java.time.Instant;

/**
 * How to replay.
 *
 * @param since         only articles published at or after this instant; null for no lower bound
 * @param until         only articles published before this instant; null for no upper bound
 * @param ratePerSecond most articles published per second; 0 for as fast as Kafka takes them
 * @param progress      where to draw progress (a bar on a terminal, otherwise a line per 10 %); null for none
 */
public record ReplayOptions(Instant since, Instant until, double ratePerSecond, PrintStream progress) {

    public ReplayOptions {
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be 0 (unlimited) or positive, was " + ratePerSecond);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    /** Everything, as fast as possible, no progress output. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(null, null, 0, null);
    }

    /** A copy with a lower bound. */
    public ReplayOptions withSince(Instant instant) {
        return new ReplayOptions(instant, until, ratePerSecond, progress);
    }

    /** A copy with an upper bound. */
    public ReplayOptions withUntil(Instant instant) {
        return new ReplayOptions(since, instant, ratePerSecond, progress);
    }

    /** A copy with a rate limit. */
    public ReplayOptions withRate(double perSecond) {
        return new ReplayOptions(since, until, perSecond, progress);
    }

    /** A copy drawing progress to {@code out}. */
    public ReplayOptions withProgress(PrintStream out) {
        return new ReplayOptions(since, until, ratePerSecond, out);
    }

    /** True when {@code publishedAt} lies in [since, until). */
    public boolean accepts(Instant publishedAt) {
        return (since == null || !publishedAt.isBefore(since)) && (until == null || publishedAt.isBefore(until));
    }
}
