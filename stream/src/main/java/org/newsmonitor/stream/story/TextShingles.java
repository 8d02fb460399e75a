package org.newsmonitor.stream.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into the set of word-pair shingles that near-duplicate detection compares. Text is NFKC-normalised,
 * lower-cased, Cyrillic ё folded to е and Latin diacritics dropped; tokens are runs of letters and digits, and each
 * Han, Kana or Hangul character is a token of its own. Each shingle is a 64-bit hash of two consecutive tokens
 * (a single token when the text has only one), stable across JVMs.
 */
public final class TextShingles {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TextShingles() {
    }

    /** The tokens of {@code text}, normalised; never null. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (isAscii(text)) {
            asciiTokens(text, tokens);
            return tokens;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        String folded = Normalizer.normalize(normal, Normalizer.Form.NFD);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (isCjk(cp)) {
                flush(current, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                current.appendCodePoint(cp);
            } else {
                flush(current, tokens);
            }
        }
        flush(current, tokens);
        return tokens;
    }

    /** ASCII text needs no Unicode normalisation: lower-case the letters and split on everything else. */
    private static void asciiTokens(String text, List<String> tokens) {
        char[] word = new char[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                word[length++] = (char) (c + ('a' - 'A'));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word[length++] = c;
            } else if (length > 0) {
                tokens.add(new String(word, 0, length));
                length = 0;
            }
        }
        if (length > 0) {
            tokens.add(new String(word, 0, length));
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The shingle hashes of {@code text}; empty when it has no tokens; never null. */
    public static Set<Long> shingles(String text) {
        Set<Long> shingles = new LinkedHashSet<>();
        for (long h : shingleHashes(text)) {
            shingles.add(h);
        }
        return shingles;
    }

    /**
     * The shingle hashes of {@code text} in text order, repeats included (a MinHash signature does not mind them);
     * empty when it has no tokens; never null. Hashes a pair as {@link #hash} would hash "first second" without
     * building that string.
     */
    public static long[] shingleHashes(String text) {
        List<String> tokens = tokens(text);
        if (tokens.size() == 1) {
            return new long[] {hash(tokens.get(0))};
        }
        long[] hashes = new long[Math.max(0, tokens.size() - 1)];
        for (int i = 0; i + 1 < tokens.size(); i++) {
            long h = fnv(FNV_OFFSET, tokens.get(i));
            h = (h ^ ' ') * FNV_PRIME;
            hashes[i] = fnv(h, tokens.get(i + 1));
        }
        return hashes;
    }

    /** 64-bit FNV-1a over the UTF-16 code units of {@code s}. */
    static long hash(String s) {
        return fnv(FNV_OFFSET, s);
    }

    private static long fnv(long start, String s) {
        long h = start;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
