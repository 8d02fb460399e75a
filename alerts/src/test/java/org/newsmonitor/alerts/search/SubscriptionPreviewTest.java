package org.newsmonitor.alerts.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsmonitor.alerts.search.SearchFixtures.T0;
import static org.newsmonitor.alerts.search.SearchFixtures.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.themes.ThemeHit;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.ThemeSpec;

class SubscriptionPreviewTest {
    private static final Instant NOW = T0.plus(Duration.ofDays(10));
    private final SearchService service = SearchFixtures.service(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void theme() {
        ThemeSpec spec = ThemeSpec.of("gas-deals", "Gas deals", "", Polarity.COOPERATION, List.of(), 2, null,
                "2: gas AND pipeline\n1: gazprom", "test");
        service.catalog().apply("gas-deals", ThemeDefinitions.toDefinition(spec, Lexicon.empty(), 1, T0));
    }

    @AfterEach
    void close() {
        service.close();
    }

    /** Indexes an article and, when it matches the theme, its match in story {@code story}. */
    private ArticleEvent add(String id, String title, String language, Duration after, String story) {
        ArticleEvent a = article(id, title, "Talks go on.", null, language, "Wire", T0.plus(after));
        service.index().index(id, a);
        if (story != null) {
            // what the stream service records: the matcher's hits, with their scores, in the article's story
            ArticleMatch m = ArticleMatch.of(new ArticleText(TextLimits.MAX_CONTENT), service.catalog().matcher(), a);
            for (ThemeHit hit : m.hits()) {
                ThemeMatchEvent e = MatchEvents.toEvent(m.article(), hit, T0);
                service.index().annotate(id, new ThemeMatchEvent(e.schemaVersion(), e.articleId(), story,
                        e.themeId(), e.themeTitle(), e.polarity(), e.score(), e.terms(), e.snippet(), e.title(),
                        e.url(), e.source(), e.language(), e.publishedAt(), e.matchedAt()));
            }
        }
        return a;
    }

    private SubscriptionPreview.Result preview(List<String> themes, double minScore, List<String> languages,
            String query, Instant from, Instant to) throws Exception {
        Query q = query == null ? null : Query.parse(query, Lexicon.empty());
        return service.preview().preview(new SubscriptionPreview.Request("alice", themes, minScore, languages,
                List.of(), q, from, to));
    }

    @Test
    void countsAlertsPerDayOncePerStory() throws Exception {
        add("d1a", "Gas pipeline deal signed", "en", Duration.ofHours(1), "s1");
        add("d1b", "Gas pipeline deal: a second copy", "en", Duration.ofHours(2), "s1");
        add("d1c", "Gazprom results", "en", Duration.ofHours(3), "s2");
        add("d3a", "New gas pipeline route", "en", Duration.ofDays(2), "s3");
        add("other", "Football results", "en", Duration.ofDays(2), null);
        add("old", "Gas pipeline from long ago", "en", Duration.ofDays(-40), "s0");

        SubscriptionPreview.Result r = preview(List.of("gas-deals"), 2, List.of(), null, null, null);

        assertEquals(NOW.minus(Duration.ofDays(30)), r.from());
        assertEquals(NOW, r.to());
        assertEquals(5, r.articlesHeld(), "the article of 40 days ago is outside the default window");
        // gazprom alone scores 1, below the minimum of 2; the second copy of story s1 alerts no more
        assertEquals(2, r.alerts());
        assertEquals(Map.of(LocalDate.parse("2026-05-01"), 1, LocalDate.parse("2026-05-03"), 1), r.perDay());
        assertEquals(List.of("d1a", "d3a"), r.first().stream().map(AlertEvent::articleId).toList());
        AlertEvent first = r.first().get(0);
        assertEquals("gas-deals", first.themeId());
        assertEquals("s1", first.storyId());
        assertTrue(first.terms().stream().anyMatch(t -> t.field().equals("title") && t.start() == 0 && t.end() == 3),
                "the alert says where 'gas' matched: " + first.terms());
    }

    @Test
    void aQueryAloneAlertsWhereTheMatcherSaysItHoldsWithinTheFilters() throws Exception {
        add("en1", "Su-35 deliveries to China", "en", Duration.ofHours(1), null);
        add("en2", "Su-57 shown at an air show", "en", Duration.ofHours(2), null);
        add("ru1", "Поставки Су-35 в Китай", "ru", Duration.ofHours(3), null);
        add("neg", "Su-35 deliveries cancelled", "en", Duration.ofHours(4), null);

        SubscriptionPreview.Result r = preview(List.of(), 0, List.of("en"),
                "(\"su 35\" OR \"su 57\") AND NOT cancelled", T0, T0.plus(Duration.ofDays(1)));

        assertEquals(List.of("en1", "en2"), r.first().stream().map(AlertEvent::articleId).toList());
        assertEquals(Query.themeId(SubscriptionPreview.SUBSCRIPTION_ID), r.first().get(0).themeId());
        assertEquals("query:preview", r.first().get(0).themeId());
        // the candidates left out the NOT; the matcher refused 'neg'
        assertEquals(3, r.articlesScanned());
        assertEquals(3, r.articlesHeld());
    }

    @Test
    void aQueryWithThemesNeedsBoth() throws Exception {
        add("both", "Gas pipeline to Harbin", "en", Duration.ofHours(1), "s1");
        add("theme-only", "Gas pipeline to Shanghai", "en", Duration.ofHours(2), "s2");
        add("query-only", "Harbin winter festival", "en", Duration.ofHours(3), null);

        SubscriptionPreview.Result r = preview(List.of("gas-deals"), 0, List.of(), "harbin", T0,
                T0.plus(Duration.ofDays(1)));

        assertEquals(List.of("both"), r.first().stream().map(AlertEvent::articleId).toList());
        assertTrue(r.first().get(0).terms().stream().anyMatch(t -> t.term().equals("harbin")));
    }

    @Test
    void aQueryWithThemesAlertsOncePerStoryUnderTheQueryWithTheThemesScoreAsALiveSubscriptionDoes() throws Exception {
        add("first", "Gas pipeline to Harbin", "en", Duration.ofHours(1), "s1");
        add("copy", "Gas pipeline to Harbin, again", "en", Duration.ofHours(2), "s1");

        SubscriptionPreview.Result r = preview(List.of("gas-deals"), 2, List.of(), "harbin", T0,
                T0.plus(Duration.ofDays(1)));
        SubscriptionPreview.Result aboveTheScore = preview(List.of("gas-deals"), 2.5, List.of(), "harbin", T0,
                T0.plus(Duration.ofDays(1)));

        assertEquals(1, r.alerts());
        assertEquals("query:preview", r.first().get(0).themeId());
        assertEquals(2.0, r.first().get(0).score());
        assertEquals(0, aboveTheScore.alerts());
    }

    @Test
    void listsTheFirstFiftyAlertsOldestFirstAndCountsThemAll() throws Exception {
        for (int i = 0; i < 60; i++) {
            add("a" + i, "Gas pipeline news " + i, "en", Duration.ofHours(i), "story" + i);
        }
        SubscriptionPreview.Result r = preview(List.of(), 0, List.of(), null, T0, T0.plus(Duration.ofDays(5)));
        assertEquals(60, r.alerts());
        assertEquals(SubscriptionPreview.FIRST_ALERTS, r.first().size());
        assertEquals("a0", r.first().get(0).articleId());
        assertEquals("a49", r.first().get(49).articleId());
        assertEquals(60, r.perDay().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(24, r.perDay().get(LocalDate.parse("2026-05-01")));
    }
}
