package org.newsmonitor.stream;

import java.time.Duration;
import org.newsmonitor.stream.stats.SurgeRule;
import org.newsmonitor.themes.TextLimits;

/**
 * The knobs of the matching topology itself (as opposed to how Kafka Streams runs it).
 *
 * @param dedupRetention   how long article ids are remembered for de-duplication (wall-clock time)
 * @param storyWindow      how far apart in publication time two copies of one story may be
 * @param storySimilarity  least estimated Jaccard similarity of title-and-summary word pairs for one story, (0, 1]
 * @param hourlyGrace      how late (event time) an article may arrive and still count in its hour
 * @param dailyGrace       how late an article may arrive and still count in its day and in the daily balance
 * @param hourlyRetention  how long hourly counts stay queryable
 * @param dailyRetention   how long daily counts and balances stay queryable
 * @param surgeRule        when an hour is a surge
 * @param maxContentChars  longest full text matched; longer bodies are matched on their first characters
 * @param maxFutureSkew    publication times further ahead than this are clamped for windowing
 */
public record TopologySettings(
        Duration dedupRetention,
        Duration storyWindow,
        double storySimilarity,
        Duration hourlyGrace,
        Duration dailyGrace,
        Duration hourlyRetention,
        Duration dailyRetention,
        SurgeRule surgeRule,
        int maxContentChars,
        Duration maxFutureSkew) {

    public TopologySettings {
        positive("dedupRetention", dedupRetention);
        positive("storyWindow", storyWindow);
        if (!(storySimilarity > 0 && storySimilarity <= 1)) {
            throw new IllegalArgumentException("storySimilarity must be in (0, 1], was " + storySimilarity);
        }
        notNegative("hourlyGrace", hourlyGrace);
        notNegative("dailyGrace", dailyGrace);
        if (hourlyRetention == null || hourlyRetention.compareTo(Duration.ofHours(1).plus(hourlyGrace)) < 0) {
            throw new IllegalArgumentException("hourlyRetention must be at least one hour plus hourlyGrace, was "
                    + hourlyRetention);
        }
        if (dailyRetention == null || dailyRetention.compareTo(Duration.ofDays(1).plus(dailyGrace)) < 0) {
            throw new IllegalArgumentException("dailyRetention must be at least one day plus dailyGrace, was "
                    + dailyRetention);
        }
        if (surgeRule == null) {
            throw new IllegalArgumentException("surgeRule is required");
        }
        if (maxContentChars < 1_000 || maxContentChars > TextLimits.MAX_CONTENT) {
            throw new IllegalArgumentException("maxContentChars must be 1000.." + TextLimits.MAX_CONTENT + ", was "
                    + maxContentChars);
        }
        notNegative("maxFutureSkew", maxFutureSkew);
    }

    /**
     * Ids remembered 7 days; stories within 48 hours at similarity 0.5; 6 hours' grace for hourly counts and one
     * day for daily ones; hourly counts kept 30 days and daily 400; the default surge rule; bodies matched up to
     * the shared {@link TextLimits#MAX_CONTENT} characters; publication times at most one day ahead.
     */
    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofDays(7), Duration.ofHours(48), 0.5, Duration.ofHours(6),
                Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(400), SurgeRule.DEFAULT,
                TextLimits.MAX_CONTENT, Duration.ofDays(1));
    }

    /** These settings with another de-duplication retention. */
    public TopologySettings withDedupRetention(Duration retention) {
        return new TopologySettings(retention, storyWindow, storySimilarity, hourlyGrace, dailyGrace,
                hourlyRetention, dailyRetention, surgeRule, maxContentChars, maxFutureSkew);
    }

    /** These settings with other grace periods for hourly and daily windows. */
    public TopologySettings withGrace(Duration hourly, Duration daily) {
        return new TopologySettings(dedupRetention, storyWindow, storySimilarity, hourly, daily, hourlyRetention,
                dailyRetention, surgeRule, maxContentChars, maxFutureSkew);
    }

    /** These settings with another longest matched body. */
    public TopologySettings withMaxContentChars(int chars) {
        return new TopologySettings(dedupRetention, storyWindow, storySimilarity, hourlyGrace, dailyGrace,
                hourlyRetention, dailyRetention, surgeRule, chars, maxFutureSkew);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static void notNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }
}
