package org.newsmonitor.themes;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact-word atoms of a theme set in an open-addressing hash table, looked up with one probe sequence per token
 * and without creating strings. Its keys are every word and the word with "s" or "es" added, each with the three
 * answers for a token equal to the key: the atom of the token itself, of the token without its final "s" and of
 * the token without its final "es" (the plural fold). A bit set in front turns away most tokens that are no key,
 * and one-character keys are found in a page table without hashing. Slots hold the hash and the key side by side,
 * and the keys' characters sit in one array, so that a look-up reads little memory.
 */
final class WordTable {
    private static final int EMPTY = -1;
    // per key: start and length of its characters, then its three atoms
    private static final int KEY_INTS = 5;

    // slot i: slots[2 * i] = hash, slots[2 * i + 1] = key (EMPTY for a free slot)
    private final int[] slots;
    private final int mask;
    // key k: keys[KEY_INTS * k ..] = start in chars, length, exact atom, atom without "s", atom without "es"
    private final int[] keys;
    private final char[] chars;
    private final int longest;
    // two bits per key, at places taken from its hash: a token with either bit clear is no key (most tokens)
    private final long[] filter;
    private final int filterShift;
    // keys of one character (a Han character, a digit), found directly: page c >>> 8, entry c & 0xFF (EMPTY for
    // none); a page with no such key is null
    private final int[][] singles = new int[256][];

    /** A table of {@code words} (word text → atom id). */
    WordTable(Map<String, Integer> words) {
        // a key can come more than once ("xes" from "xe" and from "x"; "gases" a word of its own): a set
        Set<String> keyText = new LinkedHashSet<>();
        for (String w : words.keySet()) {
            keyText.add(w);
            keyText.add(w + "s");
            keyText.add(w + "es");
        }
        List<String> distinct = List.copyOf(keyText);
        int capacity = Integer.highestOneBit(Math.max(distinct.size(), 1) * 2) * 2;
        slots = new int[capacity * 2];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        mask = capacity - 1;
        keys = new int[distinct.size() * KEY_INTS];
        chars = new char[distinct.stream().mapToInt(String::length).sum()];
        int filterBits = Math.max(12, 35 - Integer.numberOfLeadingZeros(Math.max(distinct.size(), 1)));
        filter = new long[1 << (filterBits - 6)];
        filterShift = 32 - filterBits;
        int at = 0;
        int max = 0;
        for (int k = 0; k < distinct.size(); k++) {
            String key = distinct.get(k);
            int len = key.length();
            max = Math.max(max, len);
            key.getChars(0, len, chars, at);
            keys[KEY_INTS * k] = at;
            keys[KEY_INTS * k + 1] = len;
            keys[KEY_INTS * k + 2] = words.getOrDefault(key, -1);
            keys[KEY_INTS * k + 3] = len > 1 && key.charAt(len - 1) == 's'
                    ? words.getOrDefault(key.substring(0, len - 1), -1) : -1;
            keys[KEY_INTS * k + 4] = len > 2 && key.endsWith("es") ? words.getOrDefault(key.substring(0, len - 2), -1)
                    : -1;
            at += len;
            int h = hash(key);
            int b1 = filterBit1(h);
            int b2 = filterBit2(h);
            filter[b1 >>> 6] |= 1L << b1;
            filter[b2 >>> 6] |= 1L << b2;
            int i = spread(h) & mask;
            while (slots[2 * i + 1] != EMPTY) {
                i = (i + 1) & mask;
            }
            slots[2 * i] = h;
            slots[2 * i + 1] = k;
            if (len == 1) {
                char c = key.charAt(0);
                if (singles[c >>> 8] == null) {
                    singles[c >>> 8] = new int[256];
                    Arrays.fill(singles[c >>> 8], EMPTY);
                }
                singles[c >>> 8][c & 0xFF] = k;
            }
        }
        longest = max;
    }

    /**
     * Records hits for the token {@code token[0 .. len)} itself and, when it ends in "s" or "es", for the word
     * without that ending.
     */
    void lookup(char[] token, int len, int index, DocState d) {
        if (len == 1) {
            int[] page = singles[token[0] >>> 8];
            if (page != null && page[token[0] & 0xFF] != EMPTY) {
                found(page[token[0] & 0xFF], index, d);
            }
            return;
        }
        if (len > longest) {
            return;
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + token[i];
        }
        int b1 = filterBit1(h);
        int b2 = filterBit2(h);
        if ((filter[b1 >>> 6] & (1L << b1)) == 0 || (filter[b2 >>> 6] & (1L << b2)) == 0) {
            return;
        }
        int i = spread(h) & mask;
        int key;
        while ((key = slots[2 * i + 1]) != EMPTY) {
            if (slots[2 * i] == h && sameChars(token, len, key)) {
                found(key, index, d);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    // the token at index is key k: records its atoms
    private void found(int k, int index, DocState d) {
        int at = KEY_INTS * k;
        int exact = keys[at + 2];
        int dropS = keys[at + 3];
        int dropEs = keys[at + 4];
        d.setWordAtoms(index, exact, dropS, dropEs);
        if (exact >= 0) {
            d.hit(exact, index);
        }
        if (dropS >= 0) {
            d.hit(dropS, index);
        }
        if (dropEs >= 0) {
            d.hit(dropEs, index);
        }
    }

    private boolean sameChars(char[] token, int len, int key) {
        if (keys[KEY_INTS * key + 1] != len) {
            return false;
        }
        int start = keys[KEY_INTS * key];
        for (int k = 0; k < len; k++) {
            if (chars[start + k] != token[k]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private int filterBit1(int h) {
        return (h * 0x9E3779B9) >>> filterShift;
    }

    private int filterBit2(int h) {
        return (h * 0x85EBCA6B + 0x632BE5AB) >>> filterShift;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
