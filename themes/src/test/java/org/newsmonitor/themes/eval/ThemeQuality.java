package org.newsmonitor.themes.eval;

import java.util.List;

/**
 * How one theme did on a labelled set.
 *
 * @param themeId        theme id
 * @param truePositives  labelled articles the theme matched
 * @param falsePositives articles the theme matched without the label
 * @param falseNegatives labelled articles the theme missed
 * @param target         the precision and recall the theme must reach
 */
public record ThemeQuality(String themeId, List<LabelledArticle> truePositives, List<LabelledArticle> falsePositives,
        List<LabelledArticle> falseNegatives, QualityTarget target) {

    public ThemeQuality {
        truePositives = List.copyOf(truePositives);
        falsePositives = List.copyOf(falsePositives);
        falseNegatives = List.copyOf(falseNegatives);
    }

    /** Share of matches that were labelled; 1 when the theme matched nothing. */
    public double precision() {
        int matched = truePositives.size() + falsePositives.size();
        return matched == 0 ? 1.0 : (double) truePositives.size() / matched;
    }

    /** Share of labelled articles that matched; 1 when nothing carries the label. */
    public double recall() {
        int labelled = truePositives.size() + falseNegatives.size();
        return labelled == 0 ? 1.0 : (double) truePositives.size() / labelled;
    }

    /** Whether both precision and recall reach the target. */
    public boolean passes() {
        return precision() >= target.precision() && recall() >= target.recall();
    }
}
