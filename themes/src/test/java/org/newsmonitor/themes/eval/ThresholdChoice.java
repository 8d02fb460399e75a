package org.newsmonitor.themes.eval;

import java.util.Collection;
import java.util.OptionalDouble;

/** Picks the score a scorer must reach before it may add a theme, from scored candidates with known labels. */
final class ThresholdChoice {

    /**
     * One article the rules missed whose text passed the theme's require line, with the scorer's score.
     *
     * @param score    the scorer's score for the theme
     * @param positive true when an analyst filed the article under the theme
     */
    record Candidate(double score, boolean positive) {
    }

    private ThresholdChoice() {
    }

    /**
     * The lowest threshold that adds no false positive among {@code candidates}: the smallest score of a positive
     * that is above every negative's score and at least {@code floor}. Empty when no positive clears both, so
     * the theme is never added.
     */
    static OptionalDouble lowestWithoutFalsePositive(Collection<Candidate> candidates, double floor) {
        double highestNegative = candidates.stream().filter(c -> !c.positive()).mapToDouble(Candidate::score)
                .max().orElse(Double.NEGATIVE_INFINITY);
        return candidates.stream().filter(Candidate::positive).mapToDouble(Candidate::score)
                .filter(s -> s > highestNegative && s >= floor).min();
    }

    /** How many candidates reach {@code threshold}: [positives, negatives]. */
    static int[] added(Collection<Candidate> candidates, OptionalDouble threshold) {
        int[] counts = new int[2];
        if (threshold.isEmpty()) {
            return counts;
        }
        for (Candidate c : candidates) {
            if (c.score() >= threshold.getAsDouble()) {
                counts[c.positive() ? 0 : 1]++;
            }
        }
        return counts;
    }
}
