package org.newsmonitor.themes;

/**
 * One theme bound to a matcher's atoms: what a hit reports about it, its rules (positive ones first) with their
 * weights, the sum of the positive weights, the score it needs (minScore less a rounding allowance) and its require
 * expression (null when it has none), and the rules as written in the same order (for explanations). Kept in one object so that evaluating a theme touches little memory.
 */
record ThemeProgram(CompiledTheme theme, String id, String title, Polarity polarity, EvalNode[] rules,
        double[] weights, double positiveTotal, double needed, EvalNode require, Rule[] sources) {
    /** Allowance for rounding when weights are summed. */
    static final double EPSILON = 1e-9;

    /** A program for rules that come positive ones first. */
    static ThemeProgram of(CompiledTheme theme, EvalNode[] rules, double[] weights, EvalNode require,
            Rule[] sources) {
        double total = 0;
        for (double w : weights) {
            total += Math.max(w, 0);
        }
        return new ThemeProgram(theme, theme.id(), theme.title(), theme.polarity(), rules, weights, total,
                theme.minScore() - EPSILON, require, sources);
    }
}
