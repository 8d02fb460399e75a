package org.newsmonitor.themes.eval;

import org.newsmonitor.themes.ThemeExplanation;

/**
 * An article a theme got wrong, with the matcher's explanation.
 *
 * @param themeId       theme id
 * @param article       the article
 * @param falsePositive true when the theme matched an article without its label; false for a missed label
 * @param explanation   score, require and the rules that held
 */
public record Miss(String themeId, LabelledArticle article, boolean falsePositive, ThemeExplanation explanation) {
}
