package org.newsmonitor.alerts.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.themes.Lexicon;

/** Articles and an index for the search tests. */
final class SearchFixtures {
    static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    private SearchFixtures() {
    }

    static ArticleEvent article(String id, String title, String summary, String content, String language,
            String source, Instant publishedAt) {
        return ArticleEvent.of(id, "feed-" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), source,
                "https://example.org/" + id, title, summary, content, language, publishedAt, publishedAt, List.of());
    }

    static ArticleEvent article(String id, String title, String summary) {
        return article(id, title, summary, null, "en", "Wire", T0);
    }

    static ThemeMatchEvent match(ArticleEvent a, String themeId, String storyId) {
        return new ThemeMatchEvent(ThemeMatchEvent.CURRENT_VERSION, a.id(), storyId, themeId, themeId,
                Polarity.MIXED, 3, List.of(new MatchedTerm("x", "title", 0, 1)), "", a.title(), a.url(), a.source(),
                a.language(), a.publishedAt(), a.publishedAt());
    }

    static SearchService service(java.time.Clock clock) {
        return new SearchService(ArticleIndex.inMemory(), Lexicon.empty(), new ArticleText(TextLimits.MAX_CONTENT), clock);
    }

    /** Ids of the articles {@code query} finds, sorted. */
    static Set<String> ids(ArticleIndex index, Query query) {
        return index.withSearcher(s -> {
            Set<String> out = new TreeSet<>();
            for (ScoreDoc d : s.search(query, 100_000).scoreDocs) {
                out.add(s.storedFields().document(d.doc).get(ArticleFields.ID));
            }
            return out;
        });
    }
}
