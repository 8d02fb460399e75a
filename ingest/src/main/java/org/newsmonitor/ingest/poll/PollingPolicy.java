package org.newsmonitor.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.ingest.feed.FeedDefinition;

/**
 * Decides when a feed is due next, from its definition, its publication history and what the server said; pure (no
 * clock, no I/O), so the poller and the polling benchmark apply the same decisions.
 *
 * <p>A fixed-interval feed is due one interval after the poll. An adaptive feed estimates the gap it expects before
 * its next publication: the median of the gaps between its recent items (items less than {@code burst} apart count as
 * one publication); longer in hours its profile shows as quiet (the median divided by the hour's activity relative
 * to an even spread, at most 8 times); and at least half the time it has been silent (a feed silent since the evening
 * is not polled at its daytime pace). It is then polled every {@code reference x (expected gap / reference) ^
 * exponent}, held between its floor and ceiling: a busy feed is polled several times per gap, a quiet one a small
 * fraction of times per gap. An exponent of 0.5 (the square-root rule) would minimise the mean delay from
 * publication to fetch for a given number of requests; a larger one spends more of the requests saved on quiet feeds
 * on busy ones, which publish most items and so decide the median delay. Whatever the estimate, a feed is never due
 * sooner than the server's {@code Cache-Control: max-age} (capped at the ceiling, or {@code maxAgeCap} for a fixed
 * feed) or its {@code Retry-After}.
 *
 * @param reference   the gap at which a feed is polled once per gap; shorter gaps are polled less than once per gap
 * @param burst       items closer together than this count as one publication
 * @param historySize item times kept per feed
 * @param minGaps     gaps needed before the history is trusted
 * @param maxAgeCap   longest max-age honoured for a fixed-interval feed
 * @param exponent    how the interval grows with the expected gap, in (0, 1]
 */
public record PollingPolicy(Duration reference, Duration burst, int historySize, int minGaps, Duration maxAgeCap,
        double exponent) {
    /** Weight of each new item in the hourly profile: a moving average over about the last 100 items. */
    static final double PROFILE_WEIGHT = 0.01;
    /** Profile weight from which the hours are trusted (about 22 items). */
    private static final double TRUSTED_PROFILE = 0.2;
    /** The least activity assumed in quiet hours: their expected gap is at most this many times the median. */
    private static final double MIN_ACTIVITY = 1.0 / 8;

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
        if (!(exponent > 0 && exponent <= 1)) {
            throw new IllegalArgumentException("exponent must be in (0, 1], was " + exponent);
        }
    }

    /**
     * Reference gap 2 min 15 s, exponent 0.6, bursts of 1 min, 30 item times per feed, trusted from 3 gaps, max-age
     * up to 3 h: tuned with {@code monitor bench polling} (docs/performance.md) to a third of fixed 15-minute
     * polling's median delay with fewer requests.
     */
    public static PollingPolicy defaults() {
        return new PollingPolicy(Duration.ofSeconds(135), Duration.ofMinutes(1), 30, 3, Duration.ofHours(3), 0.6);
    }

    /**
     * When a feed polled successfully at {@code polledAt} is due next.
     *
     * @param polledAt  when the poll happened (the decision's anchor)
     * @param feed      the feed as the feed list says now
     * @param history   its publication history (item times later than {@code polledAt} count as then)
     * @param hints     what the server said; never null
     * @return the decision; never null
     */
    public PollDecision afterSuccess(Instant polledAt, FeedDefinition feed, PublicationHistory history,
            CacheHints hints) {
        Duration interval;
        String reason;
        Duration ceiling;
        if (!feed.adaptive()) {
            interval = feed.interval();
            reason = "fixed interval " + human(interval);
            ceiling = longer(interval, maxAgeCap);
        } else {
            ceiling = feed.maxInterval();
            List<Instant> events = publications(history.itemTimes(), polledAt);
            if (events.size() - 1 < minGaps) {
                interval = clamp(feed.interval(), feed.minInterval(), ceiling);
                reason = "adaptive: starting interval " + human(interval) + " (" + events.size() + " publication"
                        + (events.size() == 1 ? "" : "s") + " known, " + (minGaps + 1) + " needed)";
            } else {
                Duration median = medianGap(events);
                Duration quiet = Duration.between(events.get(events.size() - 1), polledAt);
                double activity = activityNow(history, polledAt, feed.timeZone());
                Duration typical = activity >= 1 ? median
                        : Duration.ofMillis((long) (median.toMillis() / Math.max(activity, MIN_ACTIVITY)));
                Duration expected = longer(typical, quiet.dividedBy(2));
                String basis = "median gap " + human(median) + " over " + events.size() + " items";
                String why = expected.equals(median) ? basis
                        : expected.equals(typical) ? "quiet hours, " + basis
                        : "quiet for " + human(quiet) + ", " + basis;
                Duration ideal = Duration.ofMillis((long) (reference.toMillis()
                        * Math.pow((double) expected.toMillis() / reference.toMillis(), exponent)));
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
     * The history after a poll: the previous item times and the new ones (later than {@code now} counts as now),
     * oldest first, distinct, at most {@link #historySize()}; each new item added to the hourly profile in the feed's
     * time zone.
     *
     * @param previous the history so far
     * @param fresh    publication times of the items first seen by this poll
     * @param now      the time of the poll
     * @param zone     the feed's time zone
     * @return the new history; never null
     */
    public PublicationHistory remember(PublicationHistory previous, List<Instant> fresh, Instant now, ZoneId zone) {
        java.util.TreeSet<Instant> all = new java.util.TreeSet<>(previous.itemTimes());
        double[] hourly = previous.hourly().stream().mapToDouble(Double::doubleValue).toArray();
        for (Instant t : fresh) {
            Instant at = t.isAfter(now) ? now : t;
            if (all.add(at)) {
                for (int h = 0; h < hourly.length; h++) {
                    hourly[h] *= 1 - PROFILE_WEIGHT;
                }
                hourly[at.atZone(zone).getHour()] += PROFILE_WEIGHT;
            }
        }
        List<Instant> sorted = new ArrayList<>(all);
        return new PublicationHistory(sorted.subList(Math.max(0, sorted.size() - historySize), sorted.size()),
                java.util.Arrays.stream(hourly).boxed().toList());
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

    // how active the feed usually is in this local hour and its neighbours, relative to an even spread over the day
    // (1 = as usual, or unknown while the profile holds too few items)
    private static double activityNow(PublicationHistory history, Instant now, ZoneId zone) {
        double total = history.hourlyTotal();
        if (total < TRUSTED_PROFILE) {
            return 1;
        }
        int hour = now.atZone(zone).getHour();
        double near = 0;
        for (int d = -1; d <= 1; d++) {
            near += history.hourly().get(Math.floorMod(hour + d, PublicationHistory.HOURS));
        }
        return near / total / (3.0 / PublicationHistory.HOURS);
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
