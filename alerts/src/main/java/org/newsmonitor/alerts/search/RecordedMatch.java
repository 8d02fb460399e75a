package org.newsmonitor.alerts.search;

import java.time.Instant;
import java.util.List;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.themes.ThemeHit;

/**
 * A theme match as the stream service recorded it on {@code news-theme-matches} (theme, score, story), with the
 * evidence (matched terms, snippet, sub-topics) the matcher of the themes in force finds in the article's text today:
 * the index keeps only the decision and the score in memory, never the terms.
 */
final class RecordedMatch {
    private RecordedMatch() {
    }

    /**
     * The recorded match of {@code themeId}, with the evidence of {@code today}'s hit of that theme; no terms when the
     * theme no longer matches the text (or is no longer in force).
     *
     * @param today   the article matched by the themes in force
     * @param article the article as held
     * @param themeId the recorded theme
     * @param score   the recorded score
     * @param storyId the recorded story
     * @param now     when the evidence was found
     * @return never null
     */
    static ThemeMatchEvent of(ArticleMatch today, ArticleEvent article, String themeId, double score, String storyId,
            Instant now) {
        for (ThemeHit hit : today.hits()) {
            if (hit.themeId().equals(themeId)) {
                ThemeMatchEvent e = MatchEvents.toEvent(today.article(), hit, now);
                return new ThemeMatchEvent(e.schemaVersion(), e.articleId(), storyId, themeId, e.themeTitle(),
                        e.polarity(), score, e.terms(), e.snippet(), e.title(), e.url(), e.source(), e.language(),
                        e.publishedAt(), e.matchedAt(), e.themeRevision(), e.snippetTerms(), e.subTopics());
            }
        }
        return new ThemeMatchEvent(ThemeMatchEvent.CURRENT_VERSION, article.id(), storyId, themeId, themeId,
                Polarity.MIXED, score, List.of(), "", article.title(), article.url(), article.source(),
                article.language(), article.publishedAt(), now);
    }
}
