package org.newsmonitor.contracts.event;

import java.time.Instant;

/**
 * A theme's hourly volume jumped well above its recent baseline; published on {@code news-theme-surges}
 * (key: {@link #themeId()}).
 *
 * @param schemaVersion version of this record's shape
 * @param themeId       the theme
 * @param windowStart   start of the surging hour
 * @param windowEnd     end of the surging hour
 * @param count         matches in that hour
 * @param baseline      mean hourly matches over the preceding baseline period
 * @param ratio         count relative to the baseline
 * @param detectedAt    when the surge was detected
 */
public record SurgeEvent(
        int schemaVersion,
        String themeId,
        Instant windowStart,
        Instant windowEnd,
        long count,
        double baseline,
        double ratio,
        Instant detectedAt) {

    public static final int CURRENT_VERSION = 1;

    public SurgeEvent {
        String r = "SurgeEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        themeId = Checks.nonBlank(r, "themeId", themeId);
        Checks.present(r, "windowStart", windowStart);
        Checks.present(r, "windowEnd", windowEnd);
        Checks.present(r, "detectedAt", detectedAt);
    }
}
