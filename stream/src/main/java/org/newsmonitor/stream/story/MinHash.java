package org.newsmonitor.stream.story;

import java.util.Arrays;
import java.util.Set;

/**
 * MinHash signatures of term sets and their locality-sensitive band keys. Two texts whose term sets have
 * Jaccard similarity J agree in each signature position with probability J, so the share of equal positions
 * estimates J. Bands of {@link #ROWS} positions index the signature: texts sharing any band become candidates
 * (story clustering then compares the candidates' terms exactly: see {@link StoryFingerprint}). With
 * {@link #BANDS} bands of {@link #ROWS} rows, a pair with J = 0.25 becomes a candidate with probability 0.95,
 * J = 0.3 with 0.99, and J = 0.05 with 0.11.
 */
public final class MinHash {
    /** Signature length. */
    public static final int SIZE = 96;
    /** Rows per band. */
    public static final int ROWS = 2;
    /** Number of bands (the last {@code SIZE - BANDS * ROWS} positions only refine the estimate). */
    public static final int BANDS = 48;

    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    /** The signature of a term set; an empty array for an empty set; never null. */
    public static long[] signature(Set<Long> terms) {
        return signature(terms.stream().mapToLong(Long::longValue).toArray());
    }

    /** The signature of the set of these term hashes (repeats change nothing); empty for none; never null. */
    public static long[] signature(long[] terms) {
        if (terms.length == 0) {
            return new long[0];
        }
        long[] signature = new long[SIZE];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (long term : terms) {
            for (int i = 0; i < SIZE; i++) {
                long h = mix(term ^ SEEDS[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity of the two texts behind two signatures; 0 when either is empty. */
    public static double similarity(long[] a, long[] b) {
        if (a.length != SIZE || b.length != SIZE) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / SIZE;
    }

    /**
     * The band hashes of a signature, one per band (the band number is mixed in, so equal rows in different bands
     * give different hashes); empty for an empty signature; never null.
     */
    public static long[] bandHashes(long[] signature) {
        if (signature.length != SIZE) {
            return new long[0];
        }
        long[] hashes = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = 0x9e3779b97f4a7c15L * (b + 1);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ signature[b * ROWS + r]);
            }
            hashes[b] = h;
        }
        return hashes;
    }

    /** The splitmix64 finaliser: a fast, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[SIZE];
        long state = 0x5eed_2024_0000_0001L;
        for (int i = 0; i < SIZE; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }
}
