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
        StringBuilder sb = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
