package org.newsmonitor.ingest.normalize;

/**
 * Makes text safe to publish: drops control characters (keeping tab and line breaks), unpaired surrogates and
 * non-characters, turns bidi override controls into nothing, and collapses runs of blanks.
 */
public final class TextCleaner {
    private TextCleaner() {
    }

    /**
     * Cleans {@code text}; line breaks are kept (at most one blank line in a row), other whitespace collapses.
     *
     * @param text text; may be null
     * @return cleaned, stripped text; null only when {@code text} is null
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(i + 1));
                    i++;
                    if (!isNonCharacter(cp)) {
                        flush(out, newlines, space);
                        newlines = 0;
                        space = false;
                        out.appendCodePoint(cp);
                    }
                }
                continue;
            }
            if (Character.isLowSurrogate(c) || isDropped(c)) {
                continue;
            }
            if (c == '\n') {
                newlines++;
                space = false;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            flush(out, newlines, space);
            newlines = 0;
            space = false;
            out.append(c);
        }
        return out.toString().strip();
    }

    /** Cleans and puts everything on one line. */
    public static String oneLine(String text) {
        String c = clean(text);
        return c == null ? null : c.replace('\n', ' ').replaceAll(" {2,}", " ");
    }

    private static void flush(StringBuilder out, int newlines, boolean space) {
        if (out.length() == 0) {
            return;
        }
        if (newlines > 0) {
            out.append(newlines > 1 ? "\n\n" : "\n");
        } else if (space) {
            out.append(' ');
        }
    }

    private static boolean isDropped(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return true;
        }
        // bidi embedding/override/isolate controls can disguise text direction in dashboards
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return true;
        }
        return c == 0xFEFF || isNonCharacter(c);
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
