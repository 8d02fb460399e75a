package org.newsmonitor.themes.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Minimum precision, recall and F1, for every theme or for named themes, and themes that must not match any
 * article without labels. Immutable; build with {@link #none()} and the {@code with...} methods.
 */
public final class QualityThresholds {
    /** The three themes the product is judged on first. */
    public static final List<String> NAMED_THEMES = List.of("power-of-siberia", "eeu-bri-friction", "arms-sales");

    private static final String ALL = "";
    private final Map<String, Double> precision;
    private final Map<String, Double> recall;
    private final Map<String, Double> f1;
    private final List<String> cleanOnNegatives;

    private QualityThresholds(Map<String, Double> precision, Map<String, Double> recall, Map<String, Double> f1,
            List<String> cleanOnNegatives) {
        this.precision = Map.copyOf(precision);
        this.recall = Map.copyOf(recall);
        this.f1 = Map.copyOf(f1);
        this.cleanOnNegatives = List.copyOf(cleanOnNegatives);
    }

    /** No threshold at all: every report passes. */
    public static QualityThresholds none() {
        return new QualityThresholds(Map.of(), Map.of(), Map.of(), List.of());
    }

    /**
     * The project's targets: precision and recall at least 0.92 and no hit on an unlabelled article for the
     * named themes, F1 at least 0.85 for every other theme.
     */
    public static QualityThresholds projectTargets() {
        QualityThresholds t = none().withF1(null, 0.85);
        for (String named : NAMED_THEMES) {
            t = t.withPrecision(named, 0.92).withRecall(named, 0.92).withNoHitsOnNegatives(named);
        }
        return t;
    }

    /**
     * Parses a flag value: {@code 0.9} for every theme, or {@code arms-sales=0.92} for one.
     *
     * @throws IllegalArgumentException when the value is not of that form or not between 0 and 1
     */
    public static Map.Entry<String, Double> parse(String flagValue) {
        String text = flagValue.strip();
        int eq = text.indexOf('=');
        String theme = eq < 0 ? null : text.substring(0, eq).strip();
        String number = eq < 0 ? text : text.substring(eq + 1).strip();
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + flagValue + "' is not a threshold: write 0.9 or THEME=0.9");
        }
        if (!(value >= 0 && value <= 1) || (theme != null && theme.isEmpty())) {
            throw new IllegalArgumentException("'" + flagValue + "': a threshold is a number from 0 to 1,"
                    + " optionally after THEME=");
        }
        return new HashMap.SimpleImmutableEntry<>(theme == null ? ALL : theme, value);
    }

    /** With a minimum precision for {@code themeId}, or for every theme when it is null. */
    public QualityThresholds withPrecision(String themeId, double min) {
        return new QualityThresholds(put(precision, themeId, min), recall, f1, cleanOnNegatives);
    }

    /** With a minimum recall for {@code themeId}, or for every theme when it is null. */
    public QualityThresholds withRecall(String themeId, double min) {
        return new QualityThresholds(precision, put(recall, themeId, min), f1, cleanOnNegatives);
    }

    /** With a minimum F1 for {@code themeId}, or for every theme when it is null. */
    public QualityThresholds withF1(String themeId, double min) {
        return new QualityThresholds(precision, recall, put(f1, themeId, min), cleanOnNegatives);
    }

    /** With {@code themeId} allowed no match on an article that carries no label. */
    public QualityThresholds withNoHitsOnNegatives(String themeId) {
        List<String> clean = new ArrayList<>(cleanOnNegatives);
        clean.add(themeId);
        return new QualityThresholds(precision, recall, f1, clean);
    }

    /** Theme ids named in per-theme thresholds, so that a caller can check they exist. */
    public List<String> namedThemes() {
        List<String> ids = new ArrayList<>();
        for (Map<String, Double> m : List.of(precision, recall, f1)) {
            m.keySet().stream().filter(k -> !k.equals(ALL) && !ids.contains(k)).forEach(ids::add);
        }
        cleanOnNegatives.stream().filter(k -> !ids.contains(k)).forEach(ids::add);
        return ids;
    }

    /** One line per threshold the report does not meet; empty when all are met. */
    public List<String> failures(EvaluationReport report) {
        List<String> out = new ArrayList<>();
        for (ThemeScore s : report.scores()) {
            check(out, s.themeId(), "precision", s.precision(), precision);
            check(out, s.themeId(), "recall", s.recall(), recall);
            check(out, s.themeId(), "F1", s.f1(), f1);
            if (cleanOnNegatives.contains(s.themeId()) && report.hardNegativeHits(s.themeId()) > 0) {
                out.add(s.themeId() + ": matched " + report.hardNegativeHits(s.themeId())
                        + " article(s) without labels, none allowed");
            }
        }
        return out;
    }

    private static void check(List<String> out, String themeId, String what, double value, Map<String, Double> mins) {
        Double min = mins.getOrDefault(themeId, mins.get(ALL));
        if (min != null && value + 1e-9 < min) {
            out.add(String.format(Locale.ROOT, "%s: %s %.3f is below %.3f", themeId, what, value, min));
        }
    }

    private static Map<String, Double> put(Map<String, Double> map, String themeId, double min) {
        Map<String, Double> copy = new HashMap<>(map);
        copy.put(themeId == null ? ALL : themeId, min);
        return copy;
    }
}
