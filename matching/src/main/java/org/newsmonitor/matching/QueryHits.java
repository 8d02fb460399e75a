package org.newsmonitor.matching;

import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.ThemeHit;

/**
 * Keeps, of the hits of a matcher built from the theme catalog and the subscriptions' queries, the theme hits and
 * the query hits that count. Pure.
 *
 * <p>A query hit counts when its subscription names no themes (score 1, the query's one rule), or when the article
 * also matched one of the themes it names ("both must hold"); it then carries the best score of those theme hits,
 * so that the subscription's minScore applies to it as to a theme match.
 */
public final class QueryHits {
    private QueryHits() {
    }

    /**
     * @param hits    every hit of the article, in matcher order
     * @param queries the queries the matcher was built with
     * @return the theme hits, then the query hits that count, each in matcher order; never null
     */
    public static List<ThemeHit> select(List<ThemeHit> hits, QuerySnapshot queries) {
        List<ThemeHit> out = new ArrayList<>(hits.size());
        for (ThemeHit hit : hits) {
            if (Query.subscriptionOf(hit.themeId()) == null) {
                out.add(hit);
            }
        }
        int themeHits = out.size();
        for (ThemeHit hit : hits) {
            String subscriptionId = Query.subscriptionOf(hit.themeId());
            SubscriptionQuery query = subscriptionId == null ? null : queries.of(subscriptionId);
            if (query == null) {
                continue;
            }
            if (query.themes().isEmpty()) {
                out.add(hit);
                continue;
            }
            double best = -1;
            for (ThemeHit theme : out.subList(0, themeHits)) {
                if (query.themes().contains(theme.themeId())) {
                    best = Math.max(best, theme.score());
                }
            }
            if (best >= 0) {
                out.add(withScore(hit, best));
            }
        }
        return out;
    }

    /** The hit with another score, everything else (snippet terms included) kept. */
    public static ThemeHit withScore(ThemeHit hit, double score) {
        return new ThemeHit(hit.themeId(), hit.themeTitle(), hit.polarity(), score, hit.terms(), hit.snippet(),
                hit.snippetTerms(), hit.subTopics());
    }
}
