package org.newsmonitor.themes;

import java.util.Map;

/**
 * The exact-word atoms of a theme set in an open-addressing hash table that can look up a token and the token
 * without its last one or two characters (the plural fold) without creating new strings. Slots hold the hash and
 * the atom side by side, and the words' characters sit in one array, so that a look-up reads little memory.
 */
final class WordTable {
    private static final int EMPTY = -1;

    // slot i: slots[2 * i] = hash, slots[2 * i + 1] = atom (EMPTY for a free slot)
    private final int[] slots;
    private final int mask;
    // the characters of atom a: chars[charStart[a] .. charStart[a] + charLength[a])
    private final char[] chars;
    private final int[] charStart;
    private final int[] charLength;
    private final int longest;

    WordTable(Map<String, Integer> words) {
        int capacity = Integer.highestOneBit(Math.max(words.size(), 1) * 2) * 2;
        slots = new int[capacity * 2];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        mask = capacity - 1;
        int atoms = 0;
        int total = 0;
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            atoms = Math.max(atoms, e.getValue() + 1);
            total += e.getKey().length();
        }
        chars = new char[total];
        charStart = new int[atoms];
        charLength = new int[atoms];
        int at = 0;
        int max = 0;
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            String k = e.getKey();
            int atom = e.getValue();
            max = Math.max(max, k.length());
            k.getChars(0, k.length(), chars, at);
            charStart[atom] = at;
            charLength[atom] = k.length();
            at += k.length();
            int h = hash(k, k.length());
            int i = spread(h) & mask;
            while (slots[2 * i + 1] != EMPTY) {
                i = (i + 1) & mask;
            }
            slots[2 * i] = h;
            slots[2 * i + 1] = atom;
        }
        longest = max;
    }

    /** Records hits for the token {@code token[0 .. len)} itself and, when it ends in "s" or "es", for the word without that ending. */
    void lookup(char[] token, int len, int index, DocState d) {
        if (len > longest + 2) {
            return;
        }
        // hashes of the first len-2, len-1 and len characters, computed in one pass
        int h2 = 0;
        for (int i = 0; i < len - 2; i++) {
            h2 = 31 * h2 + token[i];
        }
        int h1 = len >= 2 ? 31 * h2 + token[len - 2] : h2;
        int h0 = len >= 1 ? 31 * h1 + token[len - 1] : h1;
        int exact = find(token, len, h0);
        int dropS = -1;
        int dropEs = -1;
        if (len > 1 && token[len - 1] == 's') {
            dropS = find(token, len - 1, h1);
            if (len > 2 && token[len - 2] == 'e') {
                dropEs = find(token, len - 2, h2);
            }
        }
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

    /** The atom of the first {@code len} characters of {@code token}, or -1. */
    private int find(char[] token, int len, int hash) {
        if (len > longest) {
            return -1;
        }
        int i = spread(hash) & mask;
        int atom;
        while ((atom = slots[2 * i + 1]) != EMPTY) {
            if (slots[2 * i] == hash && sameChars(token, len, atom)) {
                return atom;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private boolean sameChars(char[] token, int len, int atom) {
        if (charLength[atom] != len) {
            return false;
        }
        int start = charStart[atom];
        for (int k = 0; k < len; k++) {
            if (chars[start + k] != token[k]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(String s, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
