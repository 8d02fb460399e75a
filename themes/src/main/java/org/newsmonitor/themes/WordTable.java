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
 * and one-character keys are found in a page table without hashing. A slot holds the hash, the length, where the
 * key's characters start in one shared array and the three answers side by side, so that a look-up reads little
 * memory.
 */
final class WordTable {
    private static final int EMPTY = -1;
    // ints per slot: hash, length, start of its characters (EMPTY for a free slot), exact atom, atom without "s",
    // atom without "es"; the rest is padding so that a slot never spans two cache lines
    private static final int SLOT_INTS = 8;
    private static final int HASH = 0;
    private static final int LENGTH = 1;
    private static final int START = 2;
    private static final int EXACT = 3;
    private static final int DROP_S = 4;
    private static final int DROP_ES = 5;

    // slot i: slots[SLOT_INTS * i ..], everything a look-up reads but the characters, side by side
    private final int[] slots;
    private final int mask;
    private final char[] chars;
    private final int longest;
    // two bits per key, at places taken from its hash: a token with either bit clear is no key (most tokens)
    private final long[] filter;
    private final int filterShift;
    // keys of one character (a Han character, a digit), found directly: page c >>> 8, entry c & 0xFF is the key's
    // slot (EMPTY for none); a page with no such key is null
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
        slots = new int[capacity * SLOT_INTS];
        for (int i = START; i < slots.length; i += SLOT_INTS) {
            slots[i] = EMPTY;
        }
        mask = capacity - 1;
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
            int h = hash(key);
            int b1 = filterBit1(h);
            int b2 = filterBit2(h);
            filter[b1 >>> 6] |= 1L << b1;
            filter[b2 >>> 6] |= 1L << b2;
            int i = spread(h) & mask;
            while (slots[SLOT_INTS * i + START] != EMPTY) {
                i = (i + 1) & mask;
            }
            int slot = SLOT_INTS * i;
            slots[slot + HASH] = h;
            slots[slot + LENGTH] = len;
            slots[slot + START] = at;
            slots[slot + EXACT] = words.getOrDefault(key, -1);
            slots[slot + DROP_S] = len > 1 && key.charAt(len - 1) == 's'
                    ? words.getOrDefault(key.substring(0, len - 1), -1) : -1;
            slots[slot + DROP_ES] = len > 2 && key.endsWith("es")
                    ? words.getOrDefault(key.substring(0, len - 2), -1) : -1;
            at += len;
            if (len == 1) {
                char c = key.charAt(0);
                if (singles[c >>> 8] == null) {
                    singles[c >>> 8] = new int[256];
                    Arrays.fill(singles[c >>> 8], EMPTY);
                }
                singles[c >>> 8][c & 0xFF] = slot;
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
        int start;
        while ((start = slots[SLOT_INTS * i + START]) != EMPTY) {
            int slot = SLOT_INTS * i;
            if (slots[slot + HASH] == h && slots[slot + LENGTH] == len && sameChars(token, len, start)) {
                found(slot, index, d);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    // the token at index is the key in slot: records its atoms
    private void found(int slot, int index, DocState d) {
        int exact = slots[slot + EXACT];
        int dropS = slots[slot + DROP_S];
        int dropEs = slots[slot + DROP_ES];
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

    private boolean sameChars(char[] token, int len, int start) {
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
