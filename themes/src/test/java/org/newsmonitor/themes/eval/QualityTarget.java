package org.newsmonitor.themes.eval;

import java.util.Set;

/**
 * Minimum precision and recall a theme must reach on the evaluation set.
 *
 * @param precision minimum share of matches that are labelled with the theme
 * @param recall    minimum share of labelled articles that the theme matches
 */
public record QualityTarget(double precision, double recall) {

    /** The three themes the product is judged on first. */
    public static final Set<String> NAMED_THEMES = Set.of("power-of-siberia", "eeu-bri-friction", "arms-sales");

    /** Target for the named themes. */
    public static final QualityTarget NAMED = new QualityTarget(0.9, 0.85);

    /** Target for every other theme. */
    public static final QualityTarget OTHER = new QualityTarget(0.8, 0.75);

    /** The target that applies to {@code themeId}. */
    public static QualityTarget forTheme(String themeId) {
        return NAMED_THEMES.contains(themeId) ? NAMED : OTHER;
    }
}
