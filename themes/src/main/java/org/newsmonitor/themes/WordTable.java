package org.newsmonitor.themes;

import java.util.Map;

/**
 * The exact-word atoms of a theme set in an open-addressing hash table that can look up a token and the token
 * without its last one or two characters (the plural fold) without creating new strings.
 */
final class WordTable {
    private final String[] keys;
    private final int[] hashes;
    private final int[] atoms;
    private final int mask;
    private final int longest;

    WordTable(Map<String, Integer> words) {
        int capacity = Integer.highestOneBit(Math.max(words.size(), 1) * 2) * 2;
        keys = new String[capacity];
        hashes = new int[capacity];
        atoms = new int[capacity];
        mask = capacity - 1;
        int max = 0;
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            String k = e.getKey();
            max = Math.max(max, k.length());
            int h = hash(k, k.length());
            int i = spread(h) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            hashes[i] = h;
            atoms[i] = e.getValue();
        }
        longest = max;
    }

    /** Records hits for the token itself and, when it ends in "s" or "es", for the word without that ending. */
    void lookup(String token, int index, DocState d) {
        int len = token.length();
        if (len > longest + 2) {
            return;
        }
        // hashes of the first len-2, len-1 and len characters, computed in one pass
        int h2 = 0;
        for (int i = 0; i < len - 2; i++) {
            h2 = 31 * h2 + token.charAt(i);
        }
        int h1 = len >= 2 ? 31 * h2 + token.charAt(len - 2) : h2;
        int h0 = len >= 1 ? 31 * h1 + token.charAt(len - 1) : h1;
        int exact = find(token, len, h0);
        int dropS = -1;
        int dropEs = -1;
        if (len > 1 && token.charAt(len - 1) == 's') {
            dropS = find(token, len - 1, h1);
            if (len > 2 && token.charAt(len - 2) == 'e') {
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

    private int find(String token, int len, int hash) {
        if (len > longest) {
            return -1;
        }
        int i = spread(hash) & mask;
        String k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == hash && k.length() == len && token.regionMatches(0, k, 0, len)) {
                return atoms[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
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
