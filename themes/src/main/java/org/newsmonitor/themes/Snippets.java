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
        String core = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + core + (to < text.length() ? "…" : "");
    }
}
