package org.newsmonitor.themes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer as it was before tokens were scanned into a reused buffer (one String per token, Unicode
 * properties looked up for every character); kept to check that the faster one gives the very same tokens.
 */
final class ReferenceTokenizer {

    /** Receives tokens in text order. */
    @FunctionalInterface
    interface Sink {
        /** One token: its normalised text and its offsets in the source text (end exclusive). */
        void token(String text, int start, int end);
    }

    /**
     * A token.
     *
     * @param text  normalised text
     * @param start offset of the first character in the source (inclusive)
     * @param end   offset after the last character in the source (exclusive)
     */
    record Token(String text, int start, int end) {
    }

    private ReferenceTokenizer() {
    }

    /** All tokens of {@code text}; never null. */
    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        tokenize(text, (t, s, e) -> out.add(new Token(t, s, e)));
        return out;
    }

    /** Feeds the tokens of {@code text} to {@code sink}; null or empty text gives none. */
    static void tokenize(CharSequence text, Sink sink) {
        if (text == null) {
            return;
        }
        int n = text.length();
        int i = 0;
        StringBuilder buf = new StringBuilder(32);
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (!isAsciiWordChar(c)) {
                    i++;
                    continue;
                }
            } else {
                int cp = Character.codePointAt(text, i);
                int len = Character.charCount(cp);
                if (isCjk(cp)) {
                    String token = normalizeCjk(text, i, i + len);
                    if (!token.isEmpty()) {
                        sink.token(token, i, i + len);
                    }
                    i += len;
                    continue;
                }
                if (!isWordCodePoint(cp)) {
                    i += len;
                    continue;
                }
            }
            int start = i;
            int end = scanWord(text, i, n);
            String token = normalizeWord(text, start, end, buf);
            if (!token.isEmpty()) {
                sink.token(token, start, end);
            }
            i = end;
        }
    }

    // end of the word run that starts at i (a word character)
    private static int scanWord(CharSequence text, int i, int n) {
        int j = i;
        while (j < n) {
            char c = text.charAt(j);
            if (c < 0x80) {
                if (isAsciiWordChar(c)) {
                    j++;
                    continue;
                }
                if (c == '\'' && j > i && j + 1 < n && continuesWord(text, j + 1)) {
                    j++;
                    continue;
                }
                return j;
            }
            if ((c == '\u2019' || c == '\u02BC') && j > i && j + 1 < n && continuesWord(text, j + 1)) {
                j++;
                continue;
            }
            int cp = Character.codePointAt(text, j);
            if (isCjk(cp) || !isWordCodePoint(cp)) {
                return j;
            }
            j += Character.charCount(cp);
        }
        return j;
    }

    private static boolean continuesWord(CharSequence text, int j) {
        char c = text.charAt(j);
        if (c < 0x80) {
            return isAsciiWordChar(c);
        }
        int cp = Character.codePointAt(text, j);
        return !isCjk(cp) && isWordCodePoint(cp) && Character.isLetter(cp);
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isWordCodePoint(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Whether the code point is a Han, Kana or Hangul letter (one token per character). */
    static boolean isCjk(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        if (!Character.isLetter(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static String normalizeCjk(CharSequence text, int start, int end) {
        if (end - start == 1) {
            char c = text.charAt(start);
            // common ideographs, kana and Hangul syllables are already in NFKC form
            if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3041 && c <= 0x30FA)
                    || (c >= 0xAC00 && c <= 0xD7A3)) {
                return String.valueOf(c);
            }
        }
        String s = text.subSequence(start, end).toString();
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        return s;
    }

    // lower-case, NFKC, ё→е, Latin diacritics off, possessive 's off, apostrophes off
    private static String normalizeWord(CharSequence text, int start, int end, StringBuilder buf) {
        if (text instanceof String str && isLowerAscii(str, start, end)) {
            return str.substring(start, end);
        }
        buf.setLength(0);
        boolean complex = false;
        boolean apostrophe = false;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                } else if (c == '\'') {
                    apostrophe = true;
                }
                buf.append(c);
            } else if (c >= 0x400 && c <= 0x45F) {
                buf.append(lowerCyrillic(c));
            } else if (c == '\u2019' || c == '\u02BC') {
                apostrophe = true;
                buf.append('\'');
            } else {
                complex = true;
                buf.append(c);
            }
        }
        String s = buf.toString();
        if (complex) {
            s = foldComplex(s);
        }
        if (apostrophe) {
            if (s.endsWith("'s")) {
                s = s.substring(0, s.length() - 2);
            }
            s = s.replace("'", "");
        }
        return s;
    }

    private static boolean isLowerAscii(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    // basic Cyrillic block only (U+0400..U+045F); ё and Ё become е
    private static char lowerCyrillic(char c) {
        if (c >= 0x410 && c <= 0x42F) {
            return (char) (c + 0x20);
        }
        if (c == 0x401 || c == 0x451) {
            return 'е';
        }
        if (c < 0x410) {
            return (char) (c + 0x50);
        }
        return c;
    }

    private static String foldComplex(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String d = Normalizer.normalize(t, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        Character.UnicodeScript baseScript = Character.UnicodeScript.COMMON;
        for (int k = 0; k < d.length(); ) {
            int cp = d.codePointAt(k);
            k += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK) {
                if (baseScript == Character.UnicodeScript.LATIN) {
                    continue;
                }
            } else {
                baseScript = Character.UnicodeScript.of(cp);
            }
            switch (cp) {
                case 'ø' -> sb.append('o');
                case 'ł' -> sb.append('l');
                case 'đ' -> sb.append('d');
                case 'ı' -> sb.append('i');
                case 'ß' -> sb.append("ss");
                case 'ё' -> sb.append('е');
                case '\u2019', '\u02BC' -> sb.append('\'');
                default -> sb.appendCodePoint(cp);
            }
        }
        String folded = Normalizer.normalize(sb, Normalizer.Form.NFC);
        return folded.indexOf('ё') >= 0 ? folded.replace('ё', 'е') : folded;
    }
}
