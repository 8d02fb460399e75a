package org.newsmonitor.themes;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * The one set of text limits of an article, shared by the ingester (which cuts what it publishes), the stream
 * service (which cuts what it matches) and the matcher (which cuts whatever it is given): a title of at most
 * {@value #MAX_TITLE}, a summary of at most {@value #MAX_SUMMARY} and a full text of at most {@value #MAX_CONTENT}
 * UTF-16 chars. Together at most 121,000 chars: 363 KB of UTF-8 (3 bytes a char at most), 726 KB even if every char
 * were written as a six-byte JSON escape, so an article record stays under Kafka's 1 MiB record limit. Also shortens
 * text without splitting a character: never between the halves of a surrogate pair, never between a base letter
 * and its combining marks. Here in the themes library because it is the Kafka-free module every reader of article
 * text already depends on.
 */
public final class TextLimits {
    /** Longest title kept and matched, in chars. */
    public static final int MAX_TITLE = 1_000;
    /** Longest summary kept and matched, in chars. */
    public static final int MAX_SUMMARY = 20_000;
    /** Longest full text kept and matched, in chars. */
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
