package org.newsmonitor.stream.article;

import java.time.Duration;

/**
 * How long an article id is remembered. An id seen again less than {@link #retention()} after it was first seen is
 * a duplicate; at exactly the retention or later it counts as new (and is remembered afresh).
 *
 * @param retention how long ids are remembered (wall-clock time of the stream application); positive
 */
public record DedupWindow(Duration retention) {
    public DedupWindow {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("dedup retention must be positive, was " + retention);
        }
    }

    /** Whether an id first seen at {@code firstSeenMs} is still remembered at {@code nowMs}. */
    public boolean remembers(long firstSeenMs, long nowMs) {
        return nowMs - firstSeenMs < retention.toMillis();
    }

    /** How often forgotten ids are purged from the store: a tenth of the retention, at most hourly. */
    public Duration purgeInterval() {
        Duration tenth = retention.dividedBy(10);
        Duration hour = Duration.ofHours(1);
        return tenth.compareTo(hour) < 0 ? (tenth.isZero() ? Duration.ofMillis(1) : tenth) : hour;
    }
}
