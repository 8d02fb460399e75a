package org.newsmonitor.themes.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeHit;

/**
 * Matches a labelled set against a theme catalog and reports precision and recall per theme, with every
 * false positive and false negative listed by id and title.
 */
public final class ThemeEvaluation {

    private ThemeEvaluation() {
    }

    /** Prints the report for the bundled catalog on the main set and the held-out set (or on the given resources). */
    public static void main(String[] args) {
        List<String> sets = args.length == 0 ? List.of(EvaluationSet.MAIN, EvaluationSet.HOLDOUT) : List.of(args);
        List<CompiledTheme> catalog = ThemeFiles.bundledCompiled();
        for (String set : sets) {
            System.out.println(render(set, evaluate(catalog, EvaluationSet.fromResource(set))));
        }
    }

    /** Quality of every theme of {@code catalog} on {@code articles}, in catalog order. */
    public static List<ThemeQuality> evaluate(List<CompiledTheme> catalog, List<LabelledArticle> articles) {
        Matcher matcher = Matcher.of(catalog);
        List<Set<String>> matched = new ArrayList<>(articles.size());
        for (LabelledArticle article : articles) {
            matched.add(matcher.match(article.toDocument()).stream()
                    .map(ThemeHit::themeId).collect(Collectors.toSet()));
        }
        List<ThemeQuality> report = new ArrayList<>();
        for (CompiledTheme theme : catalog) {
            report.add(qualityOf(theme.id(), articles, matched));
        }
        return report;
    }

    private static ThemeQuality qualityOf(String themeId, List<LabelledArticle> articles, List<Set<String>> matched) {
        List<LabelledArticle> tp = new ArrayList<>();
        List<LabelledArticle> fp = new ArrayList<>();
        List<LabelledArticle> fn = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            LabelledArticle article = articles.get(i);
            boolean hit = matched.get(i).contains(themeId);
            boolean labelled = article.isLabelled(themeId);
            if (hit && labelled) {
                tp.add(article);
            } else if (hit) {
                fp.add(article);
            } else if (labelled) {
                fn.add(article);
            }
        }
        return new ThemeQuality(themeId, tp, fp, fn, QualityTarget.forTheme(themeId));
    }

    /** The report as text: one table row per theme, a total row, then the misses of each theme. */
    public static String render(String setName, List<ThemeQuality> report) {
        StringBuilder out = new StringBuilder();
        out.append("Theme quality on ").append(setName).append('\n');
        String rule = "-".repeat(98) + '\n';
        out.append(rule).append(String.format(Locale.ROOT, "%-26s %4s %4s %4s %10s %7s %14s %6s%n",
                "theme", "TP", "FP", "FN", "precision", "recall", "target P/R", "result"));
        out.append(rule);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (ThemeQuality q : report) {
            tp += q.truePositives().size();
            fp += q.falsePositives().size();
            fn += q.falseNegatives().size();
            out.append(String.format(Locale.ROOT, "%-26s %4d %4d %4d %10.2f %7.2f %8.2f/%.2f %6s%n",
                    q.themeId(), q.truePositives().size(), q.falsePositives().size(), q.falseNegatives().size(),
                    q.precision(), q.recall(), q.target().precision(), q.target().recall(),
                    q.passes() ? "PASS" : "FAIL"));
        }
        out.append(rule).append(String.format(Locale.ROOT, "%-26s %4d %4d %4d %10.2f %7.2f%n", "all (micro)", tp, fp, fn,
                tp + fp == 0 ? 1.0 : (double) tp / (tp + fp), tp + fn == 0 ? 1.0 : (double) tp / (tp + fn)));
        for (ThemeQuality q : report) {
            for (LabelledArticle a : q.falsePositives()) {
                out.append(String.format(Locale.ROOT, "  FP %-24s %s  %s%n", q.themeId(), a.id(), a.title()));
            }
            for (LabelledArticle a : q.falseNegatives()) {
                out.append(String.format(Locale.ROOT, "  FN %-24s %s  %s%n", q.themeId(), a.id(), a.title()));
            }
        }
        return out.toString();
    }
}
