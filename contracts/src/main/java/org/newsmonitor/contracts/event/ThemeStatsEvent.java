package org.newsmonitor.contracts.event;

import java.time.Instant;

/**
 * The number of matches of one theme in one event-time window, published on {@code news-theme-stats}
 * (key: "themeId@granularity@windowStart"); a later record for the same key supersedes the earlier one.
 *
 * @param schemaVersion version of this record's shape
 * @param themeId       the theme
 * @param polarity      the theme's polarity, for cooperation-vs-friction balances
 * @param granularity   hour or day
 * @param windowStart   window start (inclusive)
 * @param windowEnd     window end (exclusive)
 * @param count         matches counted so far in the window
 */
public record ThemeStatsEvent(
        int schemaVersion,
        String themeId,
        Polarity polarity,
        Granularity granularity,
        Instant windowStart,
        Instant windowEnd,
        long count) {

    public static final int CURRENT_VERSION = 1;

    public ThemeStatsEvent {
        String r = "ThemeStatsEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        themeId = Checks.nonBlank(r, "themeId", themeId);
        Checks.present(r, "polarity", polarity);
        Checks.present(r, "granularity", granularity);
        Checks.present(r, "windowStart", windowStart);
        Checks.present(r, "windowEnd", windowEnd);
        if (count < 0) {
            throw new InvalidRecordException(r, "count", "must not be negative, was " + count);
        }
    }

    /** The record key for this window. */
    public String key() {
        return key(themeId, granularity, windowStart);
    }

    /** The record key of one theme's window: "themeId@granularity@windowStart", e.g. "arms-sales@day@2026-03-01T00:00:00Z". */
    public static String key(String themeId, Granularity granularity, Instant windowStart) {
        return themeId + "@" + granularity.name().toLowerCase(java.util.Locale.ROOT) + "@" + windowStart;
    }
}
