package org.newsmonitor.themes;

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
        if (singleSpaced(text, from, to)) {
            // nothing to collapse (the common case): the excerpt is the text itself
            String core = text.substring(from, to);
            return from > 0 ? (to < text.length() ? ELLIPSIS + core + ELLIPSIS : ELLIPSIS + core)
                    : to < text.length() ? core + ELLIPSIS : core;
        }
        // the excerpt with whitespace runs collapsed to one space, none at either end, and "…" where text was cut
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

    // whether text[from .. to) is not empty and its only whitespace is single spaces between other characters
    private static boolean singleSpaced(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        boolean afterSpace = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (afterSpace) {
                    return false;
                }
                afterSpace = true;
            } else {
                if (c < ' ' || c >= '\u1680' && isWhitespace(c)) {
                    return false;
                }
                afterSpace = false;
            }
        }
        return !afterSpace;
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
