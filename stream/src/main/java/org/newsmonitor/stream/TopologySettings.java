package org.newsmonitor.stream;

import java.time.Duration;
import org.newsmonitor.stream.stats.SurgeHorizon;
import org.newsmonitor.stream.stats.SurgeRule;
import org.newsmonitor.themes.TextLimits;

/**
 * The knobs of the matching topology itself (as opposed to how Kafka Streams runs it).
 *
 * @param dedupRetention   how long article ids are remembered for de-duplication (wall-clock time)
 * @param storyWindow      how far apart in publication time two copies of one story may be
 * @param storySimilarity  least weighted similarity of title-and-summary terms for one story, (0, 1]
 * @param surgeLateness    how long after its end (wall clock) an hour is still judged for a surge; older hours are
 *                         counted (every match counts, whenever it arrives) but never reported as surges
 * @param surgeRule        when an hour is a surge
 * @param maxContentChars  longest full text matched; longer bodies are matched on their first characters
 * @param maxFutureSkew    publication times further ahead than this are clamped for windowing
 */
public record TopologySettings(
        Duration dedupRetention,
        Duration storyWindow,
        double storySimilarity,
        Duration surgeLateness,
        SurgeRule surgeRule,
        int maxContentChars,
        Duration maxFutureSkew) {

    public TopologySettings {
        positive("dedupRetention", dedupRetention);
        positive("storyWindow", storyWindow);
        if (!(storySimilarity > 0 && storySimilarity <= 1)) {
            throw new IllegalArgumentException("storySimilarity must be in (0, 1], was " + storySimilarity);
        }
        notNegative("surgeLateness", surgeLateness);
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
     * Ids remembered 7 days; stories within 48 hours at similarity 0.4 (see docs/stories.md); hours judged for
     * surges until 6 hours after their end; the default surge rule; bodies matched up to the shared
     * {@link TextLimits#MAX_CONTENT} characters; publication times at most one day ahead.
     */
    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofDays(7), Duration.ofHours(48), 0.4, Duration.ofHours(6),
                SurgeRule.DEFAULT, TextLimits.MAX_CONTENT, Duration.ofDays(1));
    }

    /** Which hours are judged for surges: until {@link #surgeLateness()} after their end, up to the future skew. */
    public SurgeHorizon surgeHorizon() {
        return new SurgeHorizon(surgeLateness, maxFutureSkew);
    }

    /** These settings with another de-duplication retention. */
    public TopologySettings withDedupRetention(Duration retention) {
        return new TopologySettings(retention, storyWindow, storySimilarity, surgeLateness, surgeRule,
                maxContentChars, maxFutureSkew);
    }

    /** These settings with another longest matched body. */
    public TopologySettings withMaxContentChars(int chars) {
        return new TopologySettings(dedupRetention, storyWindow, storySimilarity, surgeLateness, surgeRule, chars,
                maxFutureSkew);
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
