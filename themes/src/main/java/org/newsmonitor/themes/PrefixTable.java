package org.newsmonitor.themes;

import java.util.Map;

/**
 * All prefix atoms of a theme set, found for a token in one pass over its characters. While the pass hashes the
 * token's first 1, 2, 3, ... characters, a bit set of every start of every prefix says when no prefix can start
 * that way any more (the pass stops, for most tokens after a character or two), and a second bit set says when a
 * prefix may end there; only then is the hash table of prefixes read, and its characters compared.
 */
final class PrefixTable {
    private static final int EMPTY = -1;

    // slot i: slots[2 * i] = hash, slots[2 * i + 1] = atom (EMPTY for a free slot)
    private final int[] slots;
    private final int mask;
    // the characters of atom a: chars[charStart[a] .. charStart[a] + charLength[a])
    private final char[] chars;
    private final int[] charStart;
    private final int[] charLength;
    private final int longest;
    // bit of the hash of every string a prefix starts with (itself included), and of every prefix itself
    private final long[] startBits;
    private final long[] endBits;
    private final int bitShift;

    /** A table of {@code prefixes} (prefix text → atom id); a prefix is never empty (rule terms have a letter). */
    PrefixTable(Map<String, Integer> prefixes) {
        if (prefixes.containsKey("")) {
            throw new IllegalArgumentException("an empty prefix would match every token");
        }
        int capacity = Integer.highestOneBit(Math.max(prefixes.size(), 1) * 2) * 2;
        slots = new int[capacity * 2];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        mask = capacity - 1;
        int atoms = 0;
        int total = 0;
        for (Map.Entry<String, Integer> e : prefixes.entrySet()) {
            atoms = Math.max(atoms, e.getValue() + 1);
            total += e.getKey().length();
        }
        chars = new char[total];
        charStart = new int[atoms];
        charLength = new int[atoms];
        // about 16 bits per start (the starts are at most the total length of the prefixes)
        int bits = Math.max(12, 36 - Integer.numberOfLeadingZeros(Math.max(total, 1)));
        startBits = new long[1 << (bits - 6)];
        endBits = new long[1 << (bits - 6)];
        bitShift = 32 - bits;
        int at = 0;
        int max = 0;
        for (Map.Entry<String, Integer> e : prefixes.entrySet()) {
            String p = e.getKey();
            int atom = e.getValue();
            max = Math.max(max, p.length());
            p.getChars(0, p.length(), chars, at);
            charStart[atom] = at;
            charLength[atom] = p.length();
            at += p.length();
            int h = 0;
            for (int k = 0; k < p.length(); k++) {
                h = 31 * h + p.charAt(k);
                set(startBits, bit(h));
            }
            set(endBits, bit(h));
            int i = spread(h) & mask;
            while (slots[2 * i + 1] != EMPTY) {
                i = (i + 1) & mask;
            }
            slots[2 * i] = h;
            slots[2 * i + 1] = atom;
        }
        longest = max;
    }

    /** Records a hit at {@code token} for every prefix atom that {@code text[0 .. len)} starts with. */
    void walk(char[] text, int len, int token, DocState d) {
        int stop = Math.min(len, longest);
        int h = 0;
        for (int k = 0; k < stop; k++) {
            h = 31 * h + text[k];
            int b = bit(h);
            if ((startBits[b >>> 6] & (1L << b)) == 0) {
                return;
            }
            if ((endBits[b >>> 6] & (1L << b)) != 0) {
                int atom = find(text, k + 1, h);
                if (atom >= 0) {
                    d.hit(atom, token);
                }
            }
        }
    }

    // the atom of the prefix text[0 .. len) with hash h, or -1
    private int find(char[] text, int len, int h) {
        int i = spread(h) & mask;
        int atom;
        while ((atom = slots[2 * i + 1]) != EMPTY) {
            if (slots[2 * i] == h && sameChars(text, len, atom)) {
                return atom;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private boolean sameChars(char[] text, int len, int atom) {
        if (charLength[atom] != len) {
            return false;
        }
        int start = charStart[atom];
        for (int k = 0; k < len; k++) {
            if (chars[start + k] != text[k]) {
                return false;
            }
        }
        return true;
    }

    private int bit(int h) {
        return (h * 0x9E3779B9) >>> bitShift;
    }

    private static void set(long[] bits, int b) {
        bits[b >>> 6] |= 1L << b;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
