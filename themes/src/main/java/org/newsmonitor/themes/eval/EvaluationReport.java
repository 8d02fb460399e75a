package org.newsmonitor.themes.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of matching a labelled set against a catalog.
 *
 * @param scores  one score per theme, in catalog order
 * @param overall the micro average over all themes
 * @param misses  every false positive and false negative, theme by theme in catalog order
 * @param hardNegativeHits per theme, how many articles without any label it matched (same order as scores)
 * @param subTopicHits per theme id, per sub-topic id (in the theme's order, all of them), how many labelled
 *                     articles the theme matched with that sub-topic named
 */
public record EvaluationReport(List<ThemeScore> scores, ThemeScore overall, List<Miss> misses,
        List<Integer> hardNegativeHits, Map<String, Map<String, Integer>> subTopicHits) {
    public EvaluationReport {
        scores = List.copyOf(scores);
        misses = List.copyOf(misses);
        hardNegativeHits = List.copyOf(hardNegativeHits);
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        subTopicHits.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        subTopicHits = Collections.unmodifiableMap(copy);
    }

    /** A report without sub-topic counts. */
    public EvaluationReport(List<ThemeScore> scores, ThemeScore overall, List<Miss> misses,
            List<Integer> hardNegativeHits) {
        this(scores, overall, misses, hardNegativeHits, Map.of());
    }

    /** The score of one theme. */
    public ThemeScore score(String themeId) {
        return scores.stream().filter(s -> s.themeId().equals(themeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no theme '" + themeId + "' in the report"));
    }

    /** How many articles without any label {@code themeId} matched. */
    public int hardNegativeHits(String themeId) {
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).themeId().equals(themeId)) {
                return hardNegativeHits.get(i);
            }
        }
        throw new IllegalArgumentException("no theme '" + themeId + "' in the report");
    }
}
