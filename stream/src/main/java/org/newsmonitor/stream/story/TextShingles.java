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
    private TextShingles() {
    }

    /** The tokens of {@code text}, normalised; never null. */
    public static List<String> tokens(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        String folded = Normalizer.normalize(normal, Normalizer.Form.NFD);
        List<String> tokens = new ArrayList<>();
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

    /** The shingle hashes of {@code text}; empty when it has no tokens; never null. */
    public static Set<Long> shingles(String text) {
        List<String> tokens = tokens(text);
        Set<Long> shingles = new LinkedHashSet<>();
        if (tokens.size() == 1) {
            shingles.add(hash(tokens.get(0)));
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            shingles.add(hash(tokens.get(i) + ' ' + tokens.get(i + 1)));
        }
        return shingles;
    }

    /** 64-bit FNV-1a over the UTF-16 code units of {@code s}. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
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
