package org.newsmonitor.themes;

/**
 * One theme bound to a matcher's atoms: its rules (positive ones first) with their weights, and its require
 * expression (null when it has none).
 */
record ThemeProgram(CompiledTheme theme, EvalNode[] rules, double[] weights, EvalNode require) {
}
