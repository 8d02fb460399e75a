package org.newsmonitor.stream.story;

import java.util.Arrays;

/**
 * What story clustering keeps of an article: the set of its {@link StoryTerms} as a sorted array of term hashes,
 * after a format marker ({@link #FORMAT}), at most {@link #MAX_TERMS} terms (the smallest hashes, a bottom-k sample,
 * when the text has more), and how two fingerprints compare.
 *
 * <p>Two articles are one story when the weighted Jaccard similarity of their terms is at least the threshold
 * (a word weighs 1, a number {@link #NUMBER_WEIGHT}, so figures count as strong evidence and a figure only one side
 * gives counts against) and their titles do not give different numbers: when each title has a number the other
 * article does not mention at all ("14th round" against "15th round"), they are different reports.
 *
 * <p>An array that does not start with {@link #FORMAT} (an empty one, or a MinHash signature stored by an earlier
 * version) has no terms: it never matches and is never indexed.
 */
public final class StoryFingerprint {
    /** First element of every fingerprint. */
    public static final long FORMAT = 0x5f0a_7e2d_0000_0002L;
    /** Most terms kept per article. */
    public static final int MAX_TERMS = 160;
    /** Weight of a number against a word's 1. */
    public static final double NUMBER_WEIGHT = 3;

    private StoryFingerprint() {
    }

    /** The fingerprint of an article's title and lede (summary); null parts count as empty; never null. */
    public static long[] of(String title, String lede) {
        return of(new StoryTerms(), title, lede);
    }

    /** As {@link #of(String, String)}, reusing {@code terms} (one per thread). */
    public static long[] of(StoryTerms terms, String title, String lede) {
        long[][] buffer = {new long[64]};
        int[] count = {0};
        terms.terms(title, lede, hash -> {
            if (count[0] == buffer[0].length) {
                buffer[0] = Arrays.copyOf(buffer[0], count[0] * 2);
            }
            buffer[0][count[0]++] = hash;
        });
        long[] sorted = Arrays.copyOf(buffer[0], count[0]);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length && distinct < MAX_TERMS; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        long[] fingerprint = new long[distinct + 1];
        fingerprint[0] = FORMAT;
        System.arraycopy(sorted, 0, fingerprint, 1, distinct);
        return fingerprint;
    }

    /** Whether {@code fingerprint} is one of this format with at least one term. */
    public static boolean hasTerms(long[] fingerprint) {
        return fingerprint.length > 1 && fingerprint[0] == FORMAT;
    }

    /**
     * The weighted Jaccard similarity of two fingerprints, in [0, 1]; 0 when either has no terms or when their
     * titles give different numbers.
     */
    public static double similarity(long[] a, long[] b) {
        if (!hasTerms(a) || !hasTerms(b)) {
            return 0;
        }
        double shared = 0;
        double all = 0;
        boolean aTitleNumberMissingInB = false;
        boolean bTitleNumberMissingInA = false;
        int i = 1;
        int j = 1;
        while (i < a.length || j < b.length) {
            long x = i < a.length ? a[i] : Long.MAX_VALUE;
            long y = j < b.length ? b[j] : Long.MAX_VALUE;
            if (i < a.length && j < b.length && x == y) {
                shared += weight(x);
                all += weight(x);
                i++;
                j++;
            } else if (j >= b.length || i < a.length && x < y) {
                all += weight(x);
                aTitleNumberMissingInB |= StoryTerms.kind(x) == StoryTerms.TITLE_NUMBER
                        && !contains(b, asNumber(x));
                i++;
            } else {
                all += weight(y);
                bTitleNumberMissingInA |= StoryTerms.kind(y) == StoryTerms.TITLE_NUMBER
                        && !contains(a, asNumber(y));
                j++;
            }
        }
        if (aTitleNumberMissingInB || bTitleNumberMissingInA) {
            return 0;
        }
        return all == 0 ? 0 : shared / all;
    }

    /**
     * The locality-sensitive band hashes of a fingerprint: {@link MinHash#BANDS} of them over its words and
     * numbers; empty when it has no terms; never null.
     */
    public static long[] bandHashes(long[] fingerprint) {
        if (!hasTerms(fingerprint)) {
            return new long[0];
        }
        long[] compared = new long[fingerprint.length - 1];
        int n = 0;
        for (int i = 1; i < fingerprint.length; i++) {
            if (StoryTerms.kind(fingerprint[i]) != StoryTerms.TITLE_NUMBER) {
                compared[n++] = fingerprint[i];
            }
        }
        return MinHash.bandHashes(MinHash.signature(Arrays.copyOf(compared, n)));
    }

    private static double weight(long term) {
        return switch (StoryTerms.kind(term)) {
            case StoryTerms.NUMBER -> NUMBER_WEIGHT;
            case StoryTerms.TITLE_NUMBER -> 0;
            default -> 1;
        };
    }

    private static long asNumber(long titleNumber) {
        return (titleNumber & ~3L) | StoryTerms.NUMBER;
    }

    private static boolean contains(long[] fingerprint, long term) {
        return Arrays.binarySearch(fingerprint, 1, fingerprint.length, term) >= 0;
    }
}
