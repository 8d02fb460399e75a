package org.newsmonitor.themes.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.newsmonitor.themes.ThemeExplanation;
import org.newsmonitor.themes.TermHit;

/** An evaluation report as text: a table of precision, recall and F1, then every miss with its reason. */
public final class ReportText {
    private static final String LINE = "-".repeat(84) + "\n";

    private ReportText() {
    }

    /** The whole report; {@code title} heads it (for example the file names). */
    public static String render(String title, EvaluationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Theme quality on ").append(title).append('\n').append(LINE);
        out.append(String.format(Locale.ROOT, "%-26s %5s %5s %5s %10s %7s %6s %8s%n", "theme", "TP", "FP", "FN",
                "precision", "recall", "F1", "neg.hits"));
        out.append(LINE);
        for (int i = 0; i < report.scores().size(); i++) {
            row(out, report.scores().get(i), Integer.toString(report.hardNegativeHits().get(i)));
        }
        out.append(LINE);
        row(out, report.overall(), "");
        subTopics(out, report);
        for (Miss miss : report.misses()) {
            out.append(miss(miss));
        }
        return out.toString();
    }

    // per theme: how many correctly matched articles named each sub-topic
    private static void subTopics(StringBuilder out, EvaluationReport report) {
        if (report.subTopicHits().values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        out.append("Sub-topics named in correct matches\n");
        report.subTopicHits().forEach((theme, counts) -> {
            if (!counts.isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-26s %s%n", theme, counts.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            }
        });
        out.append(LINE);
    }

    private static void row(StringBuilder out, ThemeScore s, String negatives) {
        out.append(String.format(Locale.ROOT, "%-26s %5d %5d %5d %10.3f %7.3f %6.3f %8s%n", s.themeId(),
                s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall(), s.f1(),
                negatives));
    }

    /** One miss: kind, theme, article, then why. */
    public static String miss(Miss miss) {
        ThemeExplanation e = miss.explanation();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s %s %s  %s%n", miss.falsePositive() ? "FP" : "FN", miss.themeId(),
                miss.article().id(), miss.article().title()));
        if (miss.falsePositive()) {
            out.append(String.format(Locale.ROOT, "   matched with score %s (minScore %s)%s%n", num(e.score()),
                    num(e.minScore()), miss.article().labels().isEmpty() ? "; the article has no label"
                            : "; labels " + miss.article().labels()));
        } else {
            if (!e.requireHolds()) {
                out.append("   require failed: ").append(e.require()).append('\n');
            }
            if (e.shortfall() > 0) {
                out.append(String.format(Locale.ROOT, "   score %s of minScore %s: %s short%n", num(e.score()),
                        num(e.minScore()), num(e.shortfall())));
            }
        }
        if (e.rulesHeld().isEmpty()) {
            out.append("   no rule held\n");
        }
        for (ThemeExplanation.RuleResult r : e.rulesHeld()) {
            String tags = r.rule().subTopics().isEmpty() ? "" : " [" + String.join(", ", r.rule().subTopics()) + "]";
            out.append(String.format(Locale.ROOT, "   line %d  %s%s: %s%n      found %s%n", r.rule().line(),
                    num(r.rule().weight()), tags, r.rule().source(), terms(r.terms())));
        }
        return out.toString();
    }

    private static String terms(List<TermHit> terms) {
        if (terms.isEmpty()) {
            return "(a NOT that held)";
        }
        return terms.stream().map(t -> "'" + t.term() + "' in " + t.field()).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
