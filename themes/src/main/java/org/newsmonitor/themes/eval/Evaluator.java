package org.newsmonitor.themes.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeHit;

/** Matches a labelled set against a catalog and scores every theme; explains every miss. No I/O. */
public final class Evaluator {

    private Evaluator() {
    }

    /** Precision, recall and F1 of every theme of {@code matcher} on {@code articles}, with the misses explained. */
    public static EvaluationReport evaluate(Matcher matcher, List<LabelledArticle> articles) {
        List<Set<String>> matched = new ArrayList<>(articles.size());
        Map<String, Map<String, Integer>> subTopicHits = new LinkedHashMap<>();
        for (CompiledTheme theme : matcher.themes()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            theme.subTopics().forEach(t -> counts.put(t, 0));
            subTopicHits.put(theme.id(), counts);
        }
        for (LabelledArticle article : articles) {
            List<ThemeHit> hits = matcher.match(article.toDocument());
            matched.add(hits.stream().map(ThemeHit::themeId).collect(Collectors.toSet()));
            for (ThemeHit hit : hits) {
                if (article.isLabelled(hit.themeId())) {
                    hit.subTopics().forEach(t -> subTopicHits.get(hit.themeId()).merge(t, 1, Integer::sum));
                }
            }
        }
        List<ThemeScore> scores = new ArrayList<>();
        List<Integer> negativeHits = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        int tpAll = 0;
        int fpAll = 0;
        int fnAll = 0;
        for (CompiledTheme theme : matcher.themes()) {
            String id = theme.id();
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int negatives = 0;
            for (int i = 0; i < articles.size(); i++) {
                LabelledArticle article = articles.get(i);
                boolean hit = matched.get(i).contains(id);
                boolean labelled = article.isLabelled(id);
                if (hit && labelled) {
                    tp++;
                } else if (hit || labelled) {
                    if (hit) {
                        fp++;
                        negatives += article.labels().isEmpty() ? 1 : 0;
                    } else {
                        fn++;
                    }
                    misses.add(new Miss(id, article, hit, matcher.explain(article.toDocument(), id)));
                }
            }
            scores.add(new ThemeScore(id, tp, fp, fn));
            negativeHits.add(negatives);
            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
        }
        return new EvaluationReport(scores, new ThemeScore("all", tpAll, fpAll, fnAll), misses, negativeHits,
                subTopicHits);
    }
}
