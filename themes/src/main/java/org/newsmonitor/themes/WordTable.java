package org.newsmonitor.themes;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The exact-word atoms of a theme set in an open-addressing hash table, looked up without creating strings. Its keys
 * are every word and the word with "s" or "es" added, each with the word atoms a token equal to the key is: the
 * word itself, the word without its final "s" and without its final "es" (the plural fold), so that the fold costs
 * no second look-up.
 */
final class WordTable {
    /** A key: its characters and hash, and the word atoms a token equal to it is ({@link #NONE} for none). */
    private record Key(char[] text, int hash, int exact, int lessS, int lessEs) {
        boolean is(char[] token, int len, int h) {
            if (hash != h || text.length != len) {
                return false;
            }
            for (int k = 0; k < len; k++) {
                if (text[k] != token[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final int NONE = -1;

    // open addressing, linear probing; null is a free slot
    private final Key[] slots;
    private final int mask;
    private final int longest;
    /** A table of {@code words} (word text → atom id). */
    WordTable(Map<String, Integer> words) {
        // a key can come more than once ("xes" from "xe" and from "x"; "gases" a word of its own): a set
        Set<String> keys = new LinkedHashSet<>();
        for (String w : words.keySet()) {
            keys.add(w);
            keys.add(w + "s");
            keys.add(w + "es");
        }
        int capacity = Integer.highestOneBit(Math.max(keys.size(), 1) * 2) * 2;
        slots = new Key[capacity];
        mask = capacity - 1;
        int max = 0;
        for (String text : keys) {
            int len = text.length();
            max = Math.max(max, len);
            int h = text.hashCode();
            Key key = new Key(text.toCharArray(), h, words.getOrDefault(text, NONE),
                    len > 1 && text.endsWith("s") ? words.getOrDefault(text.substring(0, len - 1), NONE)
                            : NONE,
                    len > 2 && text.endsWith("es") ? words.getOrDefault(text.substring(0, len - 2), NONE)
                            : NONE);
            int i = spread(h) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = key;
        }
        longest = max;
    }

    /**
     * Records a hit at {@code index} for the token {@code token[0 .. len)} itself and, when it ends in "s" or "es",
     * for the word without that ending.
     */
    void lookup(char[] token, int len, int index, DocState d) {
        Key key = find(token, len);
        if (key != null) {
            hit(key.exact(), index, d);
            hit(key.lessS(), index, d);
            hit(key.lessEs(), index, d);
        }
    }

    private static void hit(int atom, int index, DocState d) {
        if (atom != NONE) {
            d.hit(atom, index);
        }
    }

    private Key find(char[] token, int len) {
        if (len > longest) {
            return null;
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + token[i];
        }
        for (int i = spread(h) & mask; slots[i] != null; i = (i + 1) & mask) {
            if (slots[i].is(token, len, h)) {
                return slots[i];
            }
        }
        return null;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
