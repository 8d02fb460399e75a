package org.newsmonitor.themes;

/** Short excerpts of article text around a match, for alerts and the dashboard. */
final class Snippets {
    /** Characters of context on each side of the match. */
    static final int CONTEXT = 80;

    private Snippets() {
    }

    /** About {@code 2 * CONTEXT} characters around {@code [start, end)}, cut at spaces, whitespace collapsed. */
    static String around(String text, int start, int end) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), Math.max(end, start) + CONTEXT);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            if (space >= 0 && space < start) {
                from = space + 1;
            }
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            if (space > end) {
                to = space;
            }
        }
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        String core = collapseWhitespace(text, from, to);
        return (from > 0 ? "…" : "") + core + (to < text.length() ? "…" : "");
    }

    private static String collapseWhitespace(String text, int from, int to) {
        if (singleSpaced(text, from, to)) {
            return text.substring(from, to);
        }
        char[] out = new char[to - from];
        int n = 0;
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isWhitespace(c)) {
                space = n > 0;
            } else {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    // whether collapsing would change nothing: no whitespace at either end, and only single plain spaces inside
    private static boolean singleSpaced(String text, int from, int to) {
        boolean previousSpace = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (isWhitespace(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace || from == to;
    }

    /** {@link Character#isWhitespace(char)}, with a quick answer for the characters that cannot be whitespace. */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return Character.isWhitespace(c);
        }
        return c >= '\u1680' && Character.isWhitespace(c);
    }
}
