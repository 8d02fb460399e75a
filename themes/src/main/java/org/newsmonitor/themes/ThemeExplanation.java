package org.newsmonitor.themes;

import java.util.List;

/**
 * Why a theme did or did not match one article, for theme authors: the score against minScore, whether the
 * {@code require} line held, and every rule that held with the terms it found.
 *
 * @param themeId      theme id
 * @param score        sum of the weights of the rules that held, negative ones included
 * @param minScore     the score the theme needs
 * @param require      the require expression as written; null when the theme has none
 * @param requireHolds true when the theme has no require line or it holds
 * @param rulesHeld    the rules that held, in file order, with their terms
 */
public record ThemeExplanation(String themeId, double score, double minScore, String require, boolean requireHolds,
        List<RuleResult> rulesHeld) {

    public ThemeExplanation {
        rulesHeld = List.copyOf(rulesHeld);
    }

    /** Whether the theme matches: enough score and the require line holds. */
    public boolean matches() {
        return score >= minScore - 1e-9 && requireHolds;
    }

    /** How much score is missing for a match; 0 when the score is enough. */
    public double shortfall() {
        return Math.max(0, minScore - score);
    }

    /**
     * One rule that held.
     *
     * @param rule  the rule as written, with its weight and line
     * @param terms the terms it found; never null
     */
    public record RuleResult(Rule rule, List<TermHit> terms) {
        public RuleResult {
            terms = List.copyOf(terms);
        }
    }
}
