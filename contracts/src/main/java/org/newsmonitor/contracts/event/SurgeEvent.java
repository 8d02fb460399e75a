package org.newsmonitor.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * A theme's hourly volume jumped well above its recent baseline; published on {@code news-theme-surges}
 * (key: {@link #themeId()}). Only hours that are current when judged (by publication time, against the wall clock)
 * are judged, so a replay of old news reports no surge.
 *
 * @param schemaVersion major version of this record's shape, 1 to {@link #CURRENT_VERSION} (2 was given when the
 *                      title, revision, lowest score, sources and languages were added, before additive fields stopped
 *                      raising the version: a version-1 record is the same shape without them)
 * @param themeId       the theme
 * @param windowStart   start of the surging hour
 * @param windowEnd     end of the surging hour
 * @param count         matches in that hour
 * @param baseline      mean hourly matches over the preceding baseline period
 * @param ratio         count divided by the baseline; when the baseline is zero, count divided by one match over the
 *                      whole baseline period
 * @param detectedAt    when the surge was detected
 * @param themeTitle    the theme's title at its latest match in the hour
 * @param themeRevision the theme's revision at its latest match in the hour; null when unknown
 * @param lowestScore   the lowest score among the hour's matches; null when unknown
 * @param sources       the distinct publishers of the hour's matches, sorted; never null
 * @param languages     the distinct languages of the hour's matches, sorted, "und" for matches without one; never null
 */
public record SurgeEvent(
        int schemaVersion,
        String themeId,
        Instant windowStart,
        Instant windowEnd,
        long count,
        double baseline,
        double ratio,
        Instant detectedAt,
        String themeTitle,
        Integer themeRevision,
        Double lowestScore,
        List<String> sources,
        List<String> languages) {

    public static final int CURRENT_VERSION = 2;
    /** The language given for matches whose article declares none (ISO 639-2 "undetermined"). */
    public static final String UNKNOWN_LANGUAGE = "und";

    public SurgeEvent {
        String r = "SurgeEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        themeId = Checks.nonBlank(r, "themeId", themeId);
        Checks.present(r, "windowStart", windowStart);
        Checks.present(r, "windowEnd", windowEnd);
        Checks.present(r, "detectedAt", detectedAt);
        themeTitle = themeTitle == null || themeTitle.isBlank() ? themeId : themeTitle.strip();
        sources = Checks.list(sources);
        languages = Checks.list(languages);
    }

    /** A surge without what was added later (title, revision, score and sources), as records were before. */
    public SurgeEvent(int schemaVersion, String themeId, Instant windowStart, Instant windowEnd, long count,
            double baseline, double ratio, Instant detectedAt) {
        this(schemaVersion, themeId, windowStart, windowEnd, count, baseline, ratio, detectedAt, null, null, null,
                List.of(), List.of());
    }
}
