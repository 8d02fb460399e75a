package org.newsmonitor.alerts.delivery;

import java.util.LinkedHashSet;
import java.util.Set;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.MatchedTerm;

/**
 * The parts of an alert that a chat message shows, each on one line without control characters. Pure.
 *
 * @param title  the article title (or the surge description); never blank
 * @param source the publisher; null for surges
 * @param theme  the theme's title
 * @param terms  the matched terms, comma-separated; empty when none
 * @param link   the article link; null when the alert has none
 */
record AlertText(String title, String source, String theme, String terms, String link) {
    private static final int MAX_TERMS = 8;
    private static final int MAX_TITLE = 300;

    static AlertText of(AlertEvent a) {
        String title = oneLine(a.title());
        if (title.isEmpty()) {
            title = "(untitled)";
        } else if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE) + "…";
        }
        Set<String> terms = new LinkedHashSet<>();
        for (MatchedTerm t : a.terms()) {
            if (terms.size() < MAX_TERMS) {
                terms.add(oneLine(t.term()));
            }
        }
        return new AlertText(title, a.source() == null ? null : oneLine(a.source()), oneLine(a.themeTitle()),
                String.join(", ", terms), a.url());
    }

    /** "Source · Theme" (or only the theme), the line under the title. */
    String byline() {
        return source == null ? theme : source + " · " + theme;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
    }
}
