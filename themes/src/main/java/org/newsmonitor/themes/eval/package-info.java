/**
 * Measuring a theme catalog against labelled articles: {@link org.newsmonitor.themes.eval.LabelledSet} reads
 * JSON Lines (reporting bad lines by file and line), {@link org.newsmonitor.themes.eval.Evaluator} scores
 * precision, recall and F1 per theme and explains every false positive and false negative,
 * {@link org.newsmonitor.themes.eval.QualityThresholds} says which targets a report misses and
 * {@link org.newsmonitor.themes.eval.ReportText} prints it. Pure logic: callers read the files.
 * {@code ./monitor themes eval FILE...} and the quality test use it.
 */
package org.newsmonitor.themes.eval;
