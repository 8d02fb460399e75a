package org.newsmonitor.alerts.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsmonitor.alerts.search.SearchFixtures.T0;
import static org.newsmonitor.alerts.search.SearchFixtures.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Query;

class ArticleSearchPagingTest {
    private final ArticleIndex index = ArticleIndex.inMemory();
    private final ArticleSearch search = new ArticleSearch(index);

    @AfterEach
    void close() {
        index.close();
    }

    private void add(String id, String title, Duration after) {
        index.index(id, article(id, title, "Moscow and Beijing discuss gas.", null, "en", "Wire", T0.plus(after)));
    }

    private List<String> allPages(SearchOrder order, int limit, Runnable betweenPages) throws Exception {
        var query = Query.parse("gas", Lexicon.empty()).expression();
        ArticleFilter any = new ArticleFilter(null, null, List.of(), List.of(), null);
        List<String> seen = new ArrayList<>();
        SearchCursor after = null;
        for (int pages = 0; pages < 1000; pages++) {
            ArticleSearch.Page page = search.search(new ArticleSearch.Request(query, any, order, limit, after));
            page.hits().forEach(h -> seen.add(h.articleId()));
            if (page.nextCursor() == null) {
                return seen;
            }
            after = SearchCursor.parse(page.nextCursor());
            betweenPages.run();
        }
        throw new AssertionError("paging never ended");
    }

    @Test
    void pagesByTimeHaveNoDuplicatesOrGapsWhileArticlesAreAdded() throws Exception {
        for (int i = 0; i < 250; i++) {
            // several articles share a publication time: the id breaks the tie
            add("a" + i, "Gas talks " + i, Duration.ofMinutes(i / 3));
        }
        int[] added = {0};
        List<String> seen = allPages(SearchOrder.NEWEST, 20, () -> {
            add("new" + added[0], "Gas news " + added[0], Duration.ofDays(10).plusMinutes(added[0]));
            added[0]++;
        });
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "a hit appeared twice");
        for (int i = 0; i < 250; i++) {
            assertTrue(unique.contains("a" + i), "a" + i + " was skipped");
        }
        assertTrue(added[0] >= 12, "articles were added between pages");
    }

    @Test
    void pagesByRelevanceAreStableToo() throws Exception {
        for (int i = 0; i < 120; i++) {
            add("a" + i, i % 2 == 0 ? "Gas talks" : "Talks", Duration.ofMinutes(i % 7));
        }
        int[] added = {0};
        List<String> seen = allPages(SearchOrder.RELEVANCE, 7, () -> {
            add("new" + added[0], "Gas gas", Duration.ofMinutes(added[0]));
            added[0]++;
        });
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "a hit appeared twice");
        for (int i = 0; i < 120; i++) {
            assertTrue(unique.contains("a" + i), "a" + i + " was skipped");
        }
        // title matches (weight 2) come before body-only ones
        assertTrue(seen.indexOf("a0") < seen.indexOf("a1"));
    }

    @Test
    void theLastPageHasNoCursorAndTheTotalCountsEveryMatch() throws Exception {
        for (int i = 0; i < 5; i++) {
            add("a" + i, "Gas " + i, Duration.ofMinutes(i));
        }
        var page = search.search(new ArticleSearch.Request(Query.parse("gas", Lexicon.empty()).expression(),
                new ArticleFilter(null, null, List.of(), List.of(), null), SearchOrder.NEWEST, 5, null));
        assertEquals(5, page.total());
        assertEquals(List.of("a4", "a3", "a2", "a1", "a0"), page.hits().stream().map(ArticleSearch.Hit::articleId)
                .toList());
        assertNull(page.nextCursor());
    }
}
