package org.newsmonitor.alerts.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.themes.TextLimits;

/**
 * What replaying an article does to the search index, without Kafka: the article is indexed (as from
 * {@code news-articles}) and the matches the stream service would record, by the themes of the search's catalog, are
 * annotated in the given story (as from {@code news-theme-matches}).
 */
public final class Replay {
    private Replay() {
    }

    /**
     * Indexes {@code article} and records its theme matches in {@code storyId}.
     *
     * @return the matches recorded, as the stream service publishes them; empty when no theme matched
     */
    public static List<ThemeMatchEvent> article(SearchService search, ArticleEvent article, String storyId) {
        search.index().index(article.id(), article);
        ArticleMatch m = ArticleMatch.of(new ArticleText(TextLimits.MAX_CONTENT), search.catalog().matcher(), article);
        List<ThemeMatchEvent> recorded = new ArrayList<>();
        for (var hit : m.hits()) {
            ThemeMatchEvent e = MatchEvents.toEvent(m.article(), hit, Instant.now());
            ThemeMatchEvent inStory = new ThemeMatchEvent(e.schemaVersion(), e.articleId(), storyId, e.themeId(),
                    e.themeTitle(), e.polarity(), e.score(), e.terms(), e.snippet(), e.title(), e.url(), e.source(),
                    e.language(), e.publishedAt(), e.matchedAt(), null, e.snippetTerms(), e.subTopics());
            search.index().annotate(article.id(), inStory);
            recorded.add(inStory);
        }
        return recorded;
    }
}
