package org.newsmonitor.themes;

import java.util.Arrays;
import java.util.Map;

/**
 * All prefix atoms of a theme set, found for a token in one pass over its characters. The pass hashes the token's
 * first 1, 2, 3, ... characters and looks each hash up in a hash table of the prefixes; a bit set of every start of
 * every prefix says when no prefix can start that way any more, and the pass stops (for most tokens after a
 * character or two).
 */
final class PrefixTable {
    private static final int EMPTY = -1;

    // open addressing, linear probing: slot i holds the prefix atom slotAtom[i] (EMPTY for a free slot) and its hash
    private final int[] slotAtom;
    private final int[] slotHash;
    private final int mask;
    // the characters of each prefix atom, by atom id (null for other atoms)
    private final char[][] atomText;
    private final int longest;
    // a bit for the hash of every string a prefix starts with (the prefix itself included)
    private final long[] startBits;
    private final int bitShift;

    /** A table of {@code prefixes} (prefix text → atom id); a prefix is never empty (rule terms have a letter). */
    PrefixTable(Map<String, Integer> prefixes) {
        if (prefixes.containsKey("")) {
            throw new IllegalArgumentException("an empty prefix would match every token");
        }
        int capacity = Integer.highestOneBit(Math.max(prefixes.size(), 1) * 2) * 2;
        slotAtom = new int[capacity];
        slotHash = new int[capacity];
        Arrays.fill(slotAtom, EMPTY);
        mask = capacity - 1;
        int atoms = prefixes.values().stream().mapToInt(a -> a + 1).max().orElse(0);
        int total = prefixes.keySet().stream().mapToInt(String::length).sum();
        atomText = new char[atoms][];
        // about 16 bits per start (the starts are at most the total length of the prefixes)
        int bits = Math.max(12, 36 - Integer.numberOfLeadingZeros(Math.max(total, 1)));
        startBits = new long[1 << (bits - 6)];
        bitShift = 32 - bits;
        int max = 0;
        for (Map.Entry<String, Integer> e : prefixes.entrySet()) {
            String p = e.getKey();
            int atom = e.getValue();
            max = Math.max(max, p.length());
            atomText[atom] = p.toCharArray();
            int h = 0;
            for (int k = 0; k < p.length(); k++) {
                h = 31 * h + p.charAt(k);
                int b = bit(h);
                startBits[b >>> 6] |= 1L << b;
            }
            int i = spread(h) & mask;
            while (slotAtom[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            slotHash[i] = h;
            slotAtom[i] = atom;
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
            int atom = find(text, k + 1, h);
            if (atom != EMPTY) {
                d.hit(atom, token);
            }
        }
    }

    // the atom of the prefix text[0 .. len) with hash h, or EMPTY
    private int find(char[] text, int len, int h) {
        for (int i = spread(h) & mask; slotAtom[i] != EMPTY; i = (i + 1) & mask) {
            if (slotHash[i] == h && Arrays.equals(atomText[slotAtom[i]], 0, atomText[slotAtom[i]].length, text, 0,
                    len)) {
                return slotAtom[i];
            }
        }
        return EMPTY;
    }

    private int bit(int h) {
        return (h * 0x9E3779B9) >>> bitShift;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
