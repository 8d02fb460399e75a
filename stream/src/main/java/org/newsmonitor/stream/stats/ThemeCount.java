package org.newsmonitor.stream.stats;

import org.newsmonitor.contracts.event.Polarity;

/**
 * Matches of one theme in one window, with the theme's polarity as last seen (stored as JSON in the count stores).
 *
 * @param polarity the polarity of the theme at its latest match
 * @param count    matches counted
 */
public record ThemeCount(Polarity polarity, long count) {
    /** The count before the first match of a window. */
    public static final ThemeCount NONE = new ThemeCount(Polarity.MIXED, 0);

    /** This count plus one match of a theme that has, at that match, the given polarity. */
    public ThemeCount plus(Polarity matchPolarity) {
        return new ThemeCount(matchPolarity, count + 1);
    }
}
