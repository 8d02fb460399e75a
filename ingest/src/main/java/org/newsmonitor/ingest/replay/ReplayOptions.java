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
 * @param fetchPages    true to fetch the article pages of teaser items read from archived feeds, as the live
 *                      ingester does; false (the default) to publish the archive's text as it is
 */
public record ReplayOptions(Instant since, Instant until, double ratePerSecond, PrintStream progress,
        boolean fetchPages) {

    public ReplayOptions {
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be 0 (unlimited) or positive, was " + ratePerSecond);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    /** Options without fetching article pages. */
    public ReplayOptions(Instant since, Instant until, double ratePerSecond, PrintStream progress) {
        this(since, until, ratePerSecond, progress, false);
    }

    /** Everything, as fast as possible, no progress output, no article page fetched. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(null, null, 0, null);
    }

    /** A copy that fetches the pages of teaser items from archived feeds, or not. */
    public ReplayOptions withFetchPages(boolean fetch) {
        return new ReplayOptions(since, until, ratePerSecond, progress, fetch);
    }

    /** A copy with a lower bound. */
    public ReplayOptions withSince(Instant instant) {
        return new ReplayOptions(instant, until, ratePerSecond, progress, fetchPages);
    }

    /** A copy with an upper bound. */
    public ReplayOptions withUntil(Instant instant) {
        return new ReplayOptions(since, instant, ratePerSecond, progress, fetchPages);
    }

    /** A copy with a rate limit. */
    public ReplayOptions withRate(double perSecond) {
        return new ReplayOptions(since, until, perSecond, progress, fetchPages);
    }

    /** A copy drawing progress to {@code out}. */
    public ReplayOptions withProgress(PrintStream out) {
        return new ReplayOptions(since, until, ratePerSecond, out, fetchPages);
    }

    /** True when {@code publishedAt} lies in [since, until). */
    public boolean accepts(Instant publishedAt) {
        return (since == null || !publishedAt.isBefore(since)) && (until == null || publishedAt.isBefore(until));
    }
}
