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
 * its next publication now: the median of the gaps between its recent items (items less than {@code burst} apart
 * count as one publication), scaled by how much busier its hourly profile says this hour is than the hours those items
 * came from (a wire service is polled faster at 07:00 than its night-time items alone suggest, a newspaper slower at
 * night than its daytime items suggest). It is then polled every {@code gapFraction} of that expected gap, so each poll
 * expects about the same number of new items and the requests go where the items are; while it expects an item within
 * {@code busyHorizon}, never less often than every {@code busyCap}, which bounds the delay of the items of moderately
 * busy feeds (newspapers) and of the first items after a quiet spell. The interval is held between the feed's floor and
 * ceiling, and a feed is never due sooner than the server's {@code Cache-Control: max-age} (capped at the ceiling, or
 * {@code maxAgeCap} for a fixed feed) or its {@code Retry-After}.
 *
 * @param gapFraction the interval as a share of the expected gap, in (0, 1]
 * @param burst       items closer together than this count as one publication
 * @param historySize item times kept per feed
 * @param minGaps     gaps needed before the history is trusted
 * @param maxAgeCap   longest max-age honoured for a fixed-interval feed
 * @param busyCap     the longest interval of a feed that expects an item within {@code busyHorizon}
 * @param busyHorizon see {@code busyCap}
 */
public record PollingPolicy(double gapFraction, Duration burst, int historySize, int minGaps, Duration maxAgeCap,
        Duration busyCap, Duration busyHorizon) {
    /** Weight of each new item in the hourly profile: a moving average over about the last 100 items. */
    static final double PROFILE_WEIGHT = 0.01;
    /** Profile weight from which the hours are trusted (about 22 items). */
    private static final double TRUSTED_PROFILE = 0.2;
    /**
     * Bounds of how much busier or quieter than its recent items the profile may make a feed look: a noisy profile
     * (about 100 items) must not make a feed look dead or flooded.
     */
    private static final double MIN_BUSYNESS = 1.0 / 8;
    private static final double MAX_BUSYNESS = 4;
    private static final double HOURS_PER_DAY = 24;

    public PollingPolicy {
        if (!(gapFraction > 0 && gapFraction <= 1)) {
            throw new IllegalArgumentException("gapFraction must be in (0, 1], was " + gapFraction);
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
        if (busyCap == null || busyCap.isNegative() || busyCap.isZero()) {
            throw new IllegalArgumentException("busyCap must be positive, was " + busyCap);
        }
        if (busyHorizon == null || busyHorizon.isNegative()) {
            throw new IllegalArgumentException("busyHorizon must not be negative, was " + busyHorizon);
        }
    }

    /**
     * Polls at 0.58 of the expected gap, at least every 23 min while an item is expected within 6 h, bursts of 1 min,
     * 30 item times per feed, trusted from 3 gaps, max-age up to 3 h. The gap fraction sets the median delay (most
     * items come from busy feeds) and the busy cap the p95/p99 (items of hourly feeds, and at night); the two were
     * chosen together with {@code monitor bench polling} on seeds 1 to 5, as the pair with the most margin under both
     * a third of fixed 15-minute polling's median delay and its requests, and checked on seeds 6 to 10 and 42
     * (docs/performance.md). Six hours is a night: a newspaper expecting an item by morning is still capped.
     */
    public static PollingPolicy defaults() {
        return new PollingPolicy(0.58, Duration.ofMinutes(1), 30, 3, Duration.ofHours(3), Duration.ofMinutes(23),
                Duration.ofHours(6));
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
                double busyness = Math.min(Math.max(busyness(history, events.get(0), polledAt, feed.timeZone()),
                        MIN_BUSYNESS), MAX_BUSYNESS);
                Duration expected = Duration.ofMillis((long) (median.toMillis() / busyness));
                String why = "expected gap " + human(expected) + " (median gap " + human(median) + " over "
                        + events.size() + " items" + (busyness == 1 ? "" : String.format(java.util.Locale.ROOT,
                        ", this hour %.1fx as busy", busyness)) + ")";
                Duration ideal = Duration.ofMillis((long) (expected.toMillis() * gapFraction));
                if (expected.compareTo(busyHorizon) <= 0 && ideal.compareTo(busyCap) > 0) {
                    ideal = busyCap;
                    why = "busy cap " + human(busyCap) + ", " + why;
                }
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

    // how much busier the feed usually is now than on average over the time its history covers (from its oldest
    // remembered publication to now), from its hourly profile; 1 while the profile holds too few items
    private static double busyness(PublicationHistory history, Instant oldest, Instant now, ZoneId zone) {
        double total = history.hourlyTotal();
        if (total < TRUSTED_PROFILE) {
            return 1;
        }
        double span = Math.max(Duration.between(oldest, now).toMinutes() / 60.0, 1);
        double fullDays = Math.floor(span / HOURS_PER_DAY);
        double rest = span - fullDays * HOURS_PER_DAY;
        double covered = fullDays * HOURS_PER_DAY; // whole days average an activity of 1
        for (int k = 0; k < Math.ceil(rest); k++) {
            covered += activity(history, now.minus(Duration.ofHours(k)), zone) * Math.min(1, rest - k);
        }
        return activity(history, now, zone) / Math.max(covered / span, MIN_BUSYNESS);
    }

    // how active the feed usually is in the local hour of {@code at} and its neighbours, relative to an even spread
    private static double activity(PublicationHistory history, Instant at, ZoneId zone) {
        int hour = at.atZone(zone).getHour();
        double near = 0;
        for (int d = -1; d <= 1; d++) {
            near += history.hourly().get(Math.floorMod(hour + d, PublicationHistory.HOURS));
        }
        return near / history.hourlyTotal() / (3.0 / PublicationHistory.HOURS);
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
