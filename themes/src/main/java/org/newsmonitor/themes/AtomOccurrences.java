package org.newsmonitor.themes;

import java.util.Arrays;

/**
 * Where each dictionary atom (a theme word or prefix) occurs in the article being matched: the ascending token
 * indexes, and the list of atoms seen at all. Reused between articles; {@link #nextArticle()} forgets everything
 * without clearing the per-atom arrays (each atom records the article it was last seen in).
 */
final class AtomOccurrences {
    private int article = 1;
    // atom a was last seen in article seenIn[a], at count[a] tokens: tokens[a][0 .. count[a])
    private final int[] seenIn;
    private final int[] count;
    private final int[][] tokens;
    // the atoms seen in this article as a bit set: a small array, quick to test
    private final long[] present;
    // the atoms seen in this article, in the order they were first seen
    private int[] seen = new int[64];
    private int seenCount;

    AtomOccurrences(int atoms) {
        seenIn = new int[atoms];
        count = new int[atoms];
        tokens = new int[atoms][];
        present = new long[(atoms + 63) >>> 6];
    }

    void nextArticle() {
        for (int i = 0; i < seenCount; i++) {
            present[seen[i] >>> 6] = 0;
        }
        seenCount = 0;
        article++;
        if (article == Integer.MAX_VALUE) {
            Arrays.fill(seenIn, 0);
            article = 1;
        }
    }

    /** Records that {@code atom} occurs at {@code token}; tokens come in ascending order. */
    void record(int atom, int token) {
        if (seenIn[atom] != article) {
            seenIn[atom] = article;
            present[atom >>> 6] |= 1L << atom;
            count[atom] = 0;
            if (tokens[atom] == null) {
                tokens[atom] = new int[4];
            }
            if (seenCount == seen.length) {
                seen = Arrays.copyOf(seen, seenCount * 2);
            }
            seen[seenCount++] = atom;
        }
        int c = count[atom];
        if (c == tokens[atom].length) {
            tokens[atom] = Arrays.copyOf(tokens[atom], c * 2);
        }
        tokens[atom][c] = token;
        count[atom] = c + 1;
    }

    /** Whether {@code atom} occurs in the article. */
    boolean occurs(int atom) {
        return (present[atom >>> 6] & (1L << atom)) != 0;
    }

    /** How many tokens of the article are {@code atom}. */
    int count(int atom) {
        return seenIn[atom] == article ? count[atom] : 0;
    }

    /** The {@code i}-th token (ascending) that is {@code atom}, for {@code i < count(atom)}. */
    int token(int atom, int i) {
        return tokens[atom][i];
    }

    /** Whether token {@code token} is {@code atom}. */
    boolean occursAt(int atom, int token) {
        return seenIn[atom] == article && Arrays.binarySearch(tokens[atom], 0, count[atom], token) >= 0;
    }

    /** How many distinct atoms occur in the article. */
    int seenCount() {
        return seenCount;
    }

    /** The {@code i}-th distinct atom seen, for {@code i < seenCount()}. */
    int seen(int i) {
        return seen[i];
    }
}
