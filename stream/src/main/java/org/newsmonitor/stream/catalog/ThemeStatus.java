package org.newsmonitor.stream.catalog;

/**
 * What the stream application made of the latest version of one theme on {@code news-themes}.
 *
 * @param themeId        the theme id (the record key)
 * @param ok             whether the latest version compiled and is in force
 * @param activeRevision revision of the version in force (the latest when ok, else the previous valid one), or -1
 *                       when no valid version has been seen
 * @param error          why the latest version was refused, in one line naming the theme, line and column; null when ok
 * @param line           line of the error in the theme's rule text (1-based), or 0 when ok or unknown
 * @param column         column of the error (1-based), or 0 when ok or unknown
 */
public record ThemeStatus(String themeId, boolean ok, int activeRevision, String error, int line, int column) {
    /** The status of a theme whose latest version is in force. */
    public static ThemeStatus ok(String themeId, int revision) {
        return new ThemeStatus(themeId, true, revision, null, 0, 0);
    }

    /** Whether some valid version of the theme is being matched. */
    public boolean active() {
        return activeRevision >= 0;
    }
}
