package org.newsmonitor.ingest.normalize;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Shortens text without splitting a character: never between the halves of a surrogate pair, never between a base
 * letter and its combining marks. Limits are in UTF-16 chars, which bounds the UTF-8 size at 3 bytes per char.
 */
public final class TextLimits {
    /** Longest title kept, in chars. */
    public static final int MAX_TITLE = 1_000;
    /** Longest summary kept, in chars. */
    public static final int MAX_SUMMARY = 20_000;
    /** Longest full text kept, in chars; at most ~300 KB of UTF-8, well under the 1 MiB record limit. */
    public static final int MAX_CONTENT = 100_000;
    /** Marker appended to shortened text. */
    public static final String ELLIPSIS = "…";

    private TextLimits() {
    }

    /**
     * {@code text} cut to at most {@code max} chars (including a trailing "…" when cut) at a character boundary.
     *
     * @param text text; may be null
     * @param max  maximum length in chars, at least 2
     * @return the text, shortened when needed; null only when {@code text} is null
     */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int limit = max - ELLIPSIS.length();
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        int cut = graphemes.preceding(limit + 1);
        if (cut == BreakIterator.DONE || cut <= 0) {
            cut = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /** True when {@link #truncate} would shorten the text. */
    public static boolean exceeds(String text, int max) {
        return text != null && text.length() > max;
    }
}
