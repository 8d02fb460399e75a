package org.newsmonitor.themes;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The tokenizer's engine (the rules are described on {@link TextTokenizer}): finds each token and writes its
 * normalised characters into a buffer that is reused for the next token, so that plain words cost no allocation.
 * One scanner per thread; not thread-safe.
 */
final class TokenScanner {

    /** Receives tokens in text order; {@code chars} is overwritten by the next token. */
    @FunctionalInterface
    interface Sink {
        /** One token: its normalised characters {@code chars[0 .. length)} and its offsets in the source text. */
        void token(char[] chars, int length, int start, int end);
    }

    private char[] chars = new char[64];
    // the text being scanned, copied once so that reading a character is an array access
    private char[] source = new char[1024];

    /** Feeds the tokens of {@code text} to {@code sink}; null text gives none. */
    void scan(CharSequence text, Sink sink) {
        if (text == null) {
            return;
        }
        int n = text.length();
        if (source.length < n) {
            source = new char[Math.max(n, source.length * 2)];
        }
        char[] src = source;
        if (text instanceof String s) {
            s.getChars(0, n, src, 0);
        } else {
            for (int k = 0; k < n; k++) {
                src[k] = text.charAt(k);
            }
        }
        scan(src, n, sink);
    }

    private void scan(char[] text, int n, Sink sink) {
        int i = 0;
        while (i < n) {
            char c = text[i];
            if (c < 0x80) {
                if (!isAsciiWordChar(c)) {
                    i++;
                    continue;
                }
            } else {
                int len = 1;
                int cls;
                if (Character.isSurrogate(c)) {
                    int cp = Character.codePointAt(text, i, n);
                    len = Character.charCount(cp);
                    cls = CharClass.ofCodePoint(cp);
                } else {
                    cls = CharClass.of(c);
                }
                if ((cls & CharClass.CJK) != 0) {
                    int name = HanNames.lengthAt(text, i, n);
                    if (name > 0) {
                        sink.token(chars, put(new String(text, i, name)), i, i + name);
                        i += name;
                        continue;
                    }
                    int length = cjk(text, i, i + len);
                    if (length > 0) {
                        sink.token(chars, length, i, i + len);
                    }
                    i += len;
                    continue;
                }
                if ((cls & CharClass.WORD) == 0) {
                    i += len;
                    continue;
                }
            }
            i = word(text, i, n, sink);
        }
    }

    // scans the word run that starts at i (a word character), normalises it into chars and gives it to the sink;
    // returns the end of the run. Lower-case, NFKC, ё→е, Latin diacritics off, possessive 's off, apostrophes off.
    private int word(char[] text, int start, int n, Sink sink) {
        char[] out = chars;
        int length = 0;
        boolean complex = false;
        boolean apostrophe = false;
        int j = start;
        while (j < n) {
            char c = text[j];
            if (length + 2 > out.length) {
                out = grow();
            }
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out[length++] = c;
                } else if (c >= 'A' && c <= 'Z') {
                    out[length++] = (char) (c + 32);
                } else if (c == '\'' && j > start && j + 1 < n && continuesWord(text, j + 1, n)) {
                    apostrophe = true;
                    out[length++] = '\'';
                } else {
                    break;
                }
                j++;
                continue;
            }
            if (c == '\u2019' || c == '\u02BC') {
                // inside a word when a letter follows; U+02BC is a letter itself and also stands alone
                if (c == '\u02BC' || j > start && j + 1 < n && continuesWord(text, j + 1, n)) {
                    apostrophe = true;
                    out[length++] = '\'';
                    j++;
                    continue;
                }
                break;
            }
            if (Character.isSurrogate(c)) {
                int cp = Character.codePointAt(text, j, n);
                int cls = CharClass.ofCodePoint(cp);
                if ((cls & CharClass.CJK) != 0 || (cls & CharClass.WORD) == 0) {
                    break;
                }
                complex = true;
                int units = Character.charCount(cp);
                for (int k = 0; k < units; k++) {
                    out[length++] = text[j + k];
                }
                j += units;
                continue;
            }
            int cls = CharClass.of(c);
            if ((cls & CharClass.CJK) != 0 || (cls & CharClass.WORD) == 0) {
                break;
            }
            if (c >= 0x400 && c <= 0x45F) {
                out[length++] = lowerCyrillic(c);
            } else {
                complex = true;
                out[length++] = c;
            }
            j++;
        }
        if (complex) {
            length = fold(length, apostrophe);
        } else if (apostrophe) {
            length = dropApostrophes(out, length);
        }
        if (length > 0) {
            sink.token(chars, length, start, j);
        }
        return j;
    }

    private char[] grow() {
        chars = Arrays.copyOf(chars, chars.length * 2);
        return chars;
    }

    // possessive 's off the end, then every apostrophe out
    private static int dropApostrophes(char[] out, int length) {
        if (length >= 2 && out[length - 2] == '\'' && out[length - 1] == 's') {
            length -= 2;
        }
        int kept = 0;
        for (int k = 0; k < length; k++) {
            if (out[k] != '\'') {
                out[kept++] = out[k];
            }
        }
        return kept;
    }

    // the slow path for words with other scripts or diacritics: through Strings and the Unicode normalisers
    private int fold(int length, boolean apostrophe) {
        String s = foldComplex(new String(chars, 0, length));
        if (apostrophe) {
            if (s.endsWith("'s")) {
                s = s.substring(0, s.length() - 2);
            }
            s = s.replace("'", "");
        }
        return put(s);
    }

    private int put(String s) {
        while (chars.length < s.length()) {
            grow();
        }
        s.getChars(0, s.length(), chars, 0);
        return s.length();
    }

    // one Han, Kana or Hangul character, NFKC-normalised
    private int cjk(char[] text, int start, int end) {
        if (end - start == 1) {
            char c = text[start];
            // common ideographs, kana and Hangul syllables are already in NFKC form; the kana range stops before
            // U+309F (the digraph yori, whose NFKC form is two kana)
            if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3041 && c <= 0x309E)
                    || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0xAC00 && c <= 0xD7A3)) {
                chars[0] = c;
                return 1;
            }
        }
        String s = new String(text, start, end - start);
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        return put(s);
    }

    private static boolean continuesWord(char[] text, int j, int n) {
        char c = text[j];
        if (c < 0x80) {
            return isAsciiWordChar(c);
        }
        int cls = Character.isSurrogate(c) ? CharClass.ofCodePoint(Character.codePointAt(text, j, n)) : CharClass.of(c);
        return (cls & (CharClass.CJK | CharClass.WORD | CharClass.LETTER)) == (CharClass.WORD | CharClass.LETTER);
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
