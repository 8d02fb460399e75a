package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.List;

/** Short excerpts of article text around a match, for alerts and the dashboard. */
final class Snippets {
    /** Characters of context on each side of the match. */
    static final int CONTEXT = 80;
    private static final char ELLIPSIS = '…';

    private Snippets() {
    }

    /** About {@code 2 * CONTEXT} characters around {@code [start, end)}, cut at spaces, whitespace collapsed. */
    static String around(String text, int start, int end) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Window w = window(text, start, end);
        return collapsed(text, w.from(), w.to());
    }

    /**
     * Where the terms found in {@code text} are in the snippet {@link #around} makes of it for {@code [start, end)}:
     * terms of {@code field} wholly inside the excerpt, with field "snippet" and offsets into the snippet.
     *
     * @param text  the text of the field the snippet is made of
     * @param field that field's name
     * @param terms the matched terms, in any field
     */
    static List<TermHit> termsIn(String text, String field, int start, int end, List<TermHit> terms) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Window w = window(text, start, end);
        int from = w.from();
        int to = w.to();
        int lead = from > 0 ? 1 : 0;
        List<TermHit> out = new ArrayList<>();
        for (TermHit t : terms) {
            if (t.field().equals(field) && t.start() >= from && t.end() <= to && t.start() < t.end()) {
                out.add(new TermHit(t.term(), SNIPPET_FIELD, lead + outputBefore(text, from, t.start(), true),
                        lead + outputBefore(text, from, t.end(), false)));
            }
        }
        return out;
    }

    /** The field name of terms located in a snippet. */
    static final String SNIPPET_FIELD = "snippet";

    // characters the excerpt starting at from has written for text[from, pos): whitespace runs count as one space,
    // none at the start; a run just before pos counts when pos starts a word (it is written before that word)
    private static int outputBefore(String text, int from, int pos, boolean wordStart) {
        int n = 0;
        boolean space = false;
        for (int i = from; i < pos; i++) {
            if (isWhitespace(text.charAt(i))) {
                space = n > 0;
            } else {
                n += space ? 2 : 1;
                space = false;
            }
        }
        return space && wordStart ? n + 1 : n;
    }

    /** The bounds of an excerpt in its text: {@code [from, to)}. */
    private record Window(int from, int to) {
    }

    private static Window window(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), Math.max(end, start) + CONTEXT);
        // start after the first space before the match, end at the last space after it (if there are such spaces)
        if (from > 0) {
            for (int i = from; i < start; i++) {
                if (text.charAt(i) == ' ') {
                    from = i + 1;
                    break;
                }
            }
        }
        if (to < text.length()) {
            for (int i = to; i > end; i--) {
                if (text.charAt(i) == ' ') {
                    to = i;
                    break;
                }
            }
        }
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return new Window(from, to);
    }

    // the excerpt with whitespace runs collapsed to one space, none at either end, and "…" where text was cut
    private static String collapsed(String text, int from, int to) {
        char[] out = new char[Math.max(to - from, 0) + 2];
        int n = 0;
        if (from > 0) {
            out[n++] = ELLIPSIS;
        }
        int firstChar = n;
        text.getChars(from, Math.max(from, to), out, firstChar);
        boolean space = false;
        for (int i = firstChar, stop = firstChar + Math.max(to - from, 0); i < stop; i++) {
            char c = out[i];
            if (isWhitespace(c)) {
                space = n > firstChar;
            } else {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c;
            }
        }
        if (to < text.length()) {
            out[n++] = ELLIPSIS;
        }
        return new String(out, 0, n);
    }

    /** {@link Character#isWhitespace(char)}, with a quick answer for the characters that cannot be whitespace. */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C';
        }
        // above the space, Java's whitespace is U+1680, U+2000 to U+205F (some of them) and U+3000
        return (c >= '\u2000' && c <= '\u205F' || c == '\u1680' || c == '\u3000') && Character.isWhitespace(c);
    }
}
