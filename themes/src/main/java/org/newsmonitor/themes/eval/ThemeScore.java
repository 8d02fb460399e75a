package org.newsmonitor.themes.eval;

/**
 * How one theme (or all themes together) did on a labelled set.
 *
 * @param themeId        theme id, or "all" for the micro average
 * @param truePositives  labelled articles the theme matched
 * @param falsePositives articles the theme matched without the label
 * @param falseNegatives labelled articles the theme missed
 */
public record ThemeScore(String themeId, int truePositives, int falsePositives, int falseNegatives) {

    /** Share of matches that carry the label; 1 when the theme matched nothing. */
    public double precision() {
        int matched = truePositives + falsePositives;
        return matched == 0 ? 1.0 : (double) truePositives / matched;
    }

    /** Share of labelled articles that matched; 1 when nothing carries the label. */
    public double recall() {
        int labelled = truePositives + falseNegatives;
        return labelled == 0 ? 1.0 : (double) truePositives / labelled;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
