package org.newsmonitor.themes.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Deals the articles of a set into k folds for cross-validation: shuffled with a fixed seed, then dealt in turn. */
final class FoldSplit {

    private FoldSplit() {
    }

    /**
     * The fold (0 to k-1) of each of {@code n} articles; fold sizes differ by at most one and the same seed always
     * gives the same split.
     */
    static int[] assign(int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("folds must be between 2 and the number of articles (" + n
                    + "), got " + k);
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order.get(position)] = position % k;
        }
        return fold;
    }
}
