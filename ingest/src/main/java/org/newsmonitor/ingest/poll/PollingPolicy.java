package org.newsmonitor.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.ingest.feed.FeedDefinition;

/**
 * Decides when a feed is due next, from its definition, its publication history and what the server said; pure (no
 * clock, no I/O), so the poller and the polling benchmark apply the same decisions.
 *
 * <p>A fixed-interval feed is due one interval after the poll. An adaptive feed estimates its expected gap between
 * publications: the median of the gaps between its recent items (items less than {@code burst} apart count as one
 * publication), or half the time it has been quiet when that is longer (a feed silent for the night is not polled at
 * its daytime pace). It is then polled every {@code sqrt(expected gap x reference)}, held between its floor and
 * ceiling: a busy feed is polled several times per gap, a quiet one a small fraction of times per gap. This square-root
 * rule spends the requests saved on quiet feeds on busy ones, which minimises the average delay from publication to
 * fetch for a given number of requests. Whatever the estimate, a feed is never due sooner than the server's
 * {@code Cache-Control: max-age} (capped at the ceiling, or {@code maxAgeCap} for a fixed feed) or its
 * {@code Retry-After}.
 *
 * @param reference   the gap at which a feed is polled once per gap; shorter gaps are polled less than once per gap
 * @param burst       items closer together than this count as one publication
 * @param historySize item times kept per feed
 * @param minGaps     gaps needed before the history is trusted
 * @param maxAgeCap   longest max-age honoured for a fixed-interval feed
 */
public record PollingPolicy(Duration reference, Duration burst, int historySize, int minGaps, Duration maxAgeCap) {

    public PollingPolicy {
        if (reference == null || reference.isNegative() || reference.isZero()) {
            throw new IllegalArgumentException("reference must be positive, was " + reference);
        }
        if (burst == null || burst.isNegative()) {
            throw new IllegalArgumentException("burst must not be negative, was " + burst);
        }
        if (historySize < 2 || minGaps < 1 || minGaps >= historySize) {
            throw new IllegalArgumentException("need 1 <= minGaps < historySize, was " + minGaps + " and "
                    + historySize);
        }
        if (maxAgeCap == null || maxAgeCap.isNegative()) {
            throw new IllegalArgumentException("maxAgeCap must not be negative, was " + maxAgeCap);
        }
    }

    /** Reference gap 3 min, bursts of 1 min, 30 item times per feed, trusted from 3 gaps, max-age up to 3 h. */
    public static PollingPolicy defaults() {
        return new PollingPolicy(Duration.ofMinutes(3), Duration.ofMinutes(1), 30, 3, Duration.ofHours(3));
    }

    /**
     * When a feed polled successfully at {@code polledAt} is due next.
     *
     * @param polledAt  when the poll happened (the decision's anchor)
     * @param feed      the feed as the feed list says now
     * @param itemTimes publication times of its recent items (any order; later than {@code polledAt} counts as then)
     * @param hints     what the server said; never null
     * @return the decision; never null
     */
    public PollDecision afterSuccess(Instant polledAt, FeedDefinition feed, List<Instant> itemTimes, CacheHints hints) {
        Duration interval;
        String reason;
        Duration ceiling;
        if (!feed.adaptive()) {
            interval = feed.interval();
            reason = "fixed interval " + human(interval);
            ceiling = longer(interval, maxAgeCap);
        } else {
            ceiling = feed.maxInterval();
            List<Instant> events = publications(itemTimes, polledAt);
            if (events.size() - 1 < minGaps) {
                interval = clamp(feed.interval(), feed.minInterval(), ceiling);
                reason = "adaptive: starting interval " + human(interval) + " (" + events.size() + " publication"
                        + (events.size() == 1 ? "" : "s") + " known, " + (minGaps + 1) + " needed)";
            } else {
                Duration median = medianGap(events);
                Duration quiet = Duration.between(events.get(events.size() - 1), polledAt);
                Duration expected = longer(median, quiet.dividedBy(2));
                String basis = "median gap " + human(median) + " over " + events.size() + " items";
                String why = expected.equals(median) ? basis : "quiet for " + human(quiet) + ", " + basis;
                Duration ideal = Duration.ofMillis((long) Math.sqrt((double) expected.toMillis() * reference.toMillis()));
                interval = clamp(ideal, feed.minInterval(), ceiling);
                if (interval.equals(feed.minInterval()) && ideal.compareTo(interval) < 0) {
                    reason = "floor " + human(interval) + " (adaptive: " + why + ")";
                } else if (interval.equals(ceiling) && ideal.compareTo(interval) > 0) {
                    reason = "ceiling " + human(interval) + " (adaptive: " + why + ")";
                } else {
                    reason = "adaptive: " + why;
                }
            }
        }
        if (hints.maxAge() != null && hints.maxAge().compareTo(interval) > 0) {
            Duration capped = shorter(hints.maxAge(), ceiling);
            if (capped.compareTo(interval) > 0) {
                interval = capped;
                reason = "max-age " + hints.maxAge().toSeconds() + " s"
                        + (capped.equals(hints.maxAge()) ? "" : " (capped at " + human(capped) + ")");
            }
        }
        if (hints.retryAfter() != null && hints.retryAfter().compareTo(interval) > 0) {
            interval = hints.retryAfter();
            reason = "Retry-After until " + polledAt.plus(interval);
        }
        return new PollDecision(polledAt.plus(interval), interval, reason);
    }

    /**
     * The decision after a failed poll, whose delay the backoff policy chose.
     *
     * @param failedAt   when it failed
     * @param delay      the backoff's delay (already at least the Retry-After)
     * @param retryAfter the server's Retry-After; may be null
     * @param failures   consecutive failures including this one
     * @return the decision; never null
     */
    public PollDecision afterFailure(Instant failedAt, Duration delay, Duration retryAfter, int failures) {
        Instant at = failedAt.plus(delay);
        String reason = retryAfter != null && retryAfter.equals(delay) ? "Retry-After until " + at
                : "backoff after " + failures + " failure" + (failures == 1 ? "" : "s");
        return new PollDecision(at, delay, reason);
    }

    /**
     * The item times to keep after a poll: the previous ones and the new ones (later than {@code now} counts as
     * now), oldest first, distinct, at most {@link #historySize()}.
     *
     * @param previous times kept so far
     * @param fresh    publication times of the items first seen by this poll
     * @param now      the time of the poll
     * @return the new history; never null
     */
    public List<Instant> remember(List<Instant> previous, List<Instant> fresh, Instant now) {
        java.util.TreeSet<Instant> all = new java.util.TreeSet<>(previous);
        for (Instant t : fresh) {
            all.add(t.isAfter(now) ? now : t);
        }
        List<Instant> sorted = new ArrayList<>(all);
        return List.copyOf(sorted.subList(Math.max(0, sorted.size() - historySize), sorted.size()));
    }

    // item times as publications: sorted, later than the poll counted as then, items within a burst merged
    private List<Instant> publications(List<Instant> itemTimes, Instant polledAt) {
        List<Instant> sorted = new ArrayList<>();
        for (Instant t : itemTimes) {
            sorted.add(t.isAfter(polledAt) ? polledAt : t);
        }
        sorted.sort(null);
        List<Instant> events = new ArrayList<>();
        for (Instant t : sorted) {
            if (events.isEmpty() || Duration.between(events.get(events.size() - 1), t).compareTo(burst) >= 0) {
                events.add(t);
            }
        }
        return events;
    }

    private static Duration medianGap(List<Instant> events) {
        long[] gaps = new long[events.size() - 1];
        for (int i = 1; i < events.size(); i++) {
            gaps[i - 1] = Duration.between(events.get(i - 1), events.get(i)).toMillis();
        }
        java.util.Arrays.sort(gaps);
        int n = gaps.length;
        long median = n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
        return Duration.ofMillis(median);
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A duration for people: "45 s", "12 min", "3 h", "2 d". */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return Math.max(s, 0) + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        if (s < 172_800) {
            return (s / 3600) + " h";
        }
        return (s / 86_400) + " d";
    }
}
