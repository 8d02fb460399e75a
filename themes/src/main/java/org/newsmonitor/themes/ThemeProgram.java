package org.newsmonitor.themes;

/**
 * One theme bound to a matcher's atoms: its rules (positive ones first) with their weights, and its require
 * expression (null when it has none). {@code reachable[r]} is the sum of the positive weights from rule r on.
 */
record ThemeProgram(CompiledTheme theme, EvalNode[] rules, double[] weights, double[] reachable, EvalNode require) {

    /** A program for rules that come positive ones first. */
    static ThemeProgram of(CompiledTheme theme, EvalNode[] rules, double[] weights, EvalNode require) {
        double[] reachable = new double[rules.length + 1];
        for (int r = rules.length - 1; r >= 0; r--) {
            reachable[r] = reachable[r + 1] + Math.max(weights[r], 0);
        }
        return new ThemeProgram(theme, rules, weights, reachable, require);
    }
}
