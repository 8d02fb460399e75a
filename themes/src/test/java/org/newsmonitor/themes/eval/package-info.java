/**
 * Quality measurement for the bundled theme catalog: a labelled evaluation set of short articles
 * (English, Russian and Chinese, with hard negatives), per-theme precision and recall against targets,
 * and a printable report listing every false positive and false negative so that analysts can see
 * why a rule missed or fired.
 *
 * <p>Run the report with {@code mvn -B -q -pl themes test -Dtest=ThemeQualityTest}.
 */
package org.newsmonitor.themes.eval;
