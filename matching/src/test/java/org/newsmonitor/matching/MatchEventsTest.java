package org.newsmonitor.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.themes.TermHit;
import org.newsmonitor.themes.ThemeHit;

class MatchEventsTest {
    private static final Instant PUBLISHED = Instant.parse("2025-05-14T07:30:00Z");
    private static final Instant NOW = Instant.parse("2025-05-14T08:00:00Z");

    private final ArticleEvent article = ArticleEvent.of("a1", "feed", "Wire", "https://example.org/a1",
            "Gazprom signs Power of Siberia 2", "summary", "content", "en", PUBLISHED, null, List.of());
    private final ThemeHit hit = new ThemeHit("energy", "Energy deals", Polarity.FRICTION, 0.75,
            List.of(new TermHit("gazprom", "title", 0, 7)), "Gazprom signs", List.of(new TermHit("gazprom", "snippet",
            0, 7)), List.of("gas"));

    @Test
    void shouldCarryTheHitAndTheArticleIntoTheWireEventKeyedByTheArticleAsStory() {
        ThemeMatchEvent event = MatchEvents.toEvent(article, hit, 3, NOW);

        assertThat(event.articleId()).isEqualTo("a1");
        assertThat(event.storyId()).isEqualTo("a1");
        assertThat(event.themeId()).isEqualTo("energy");
        assertThat(event.themeTitle()).isEqualTo("Energy deals");
        assertThat(event.polarity()).isEqualTo(org.newsmonitor.contracts.event.Polarity.FRICTION);
        assertThat(event.score()).isEqualTo(0.75);
        assertThat(event.terms()).containsExactly(new MatchedTerm("gazprom", "title", 0, 7));
        assertThat(event.snippetTerms()).containsExactly(new MatchedTerm("gazprom", "snippet", 0, 7));
        assertThat(event.snippet()).isEqualTo("Gazprom signs");
        assertThat(event.title()).isEqualTo("Gazprom signs Power of Siberia 2");
        assertThat(event.url()).isEqualTo("https://example.org/a1");
        assertThat(event.publishedAt()).isEqualTo(PUBLISHED);
        assertThat(event.matchedAt()).isEqualTo(NOW);
        assertThat(event.themeRevision()).isEqualTo(3);
        assertThat(event.subTopics()).containsExactly("gas");
    }

    @Test
    void shouldLeaveTheRevisionUnknownWhenNotGiven() {
        assertThat(MatchEvents.toEvent(article, hit, NOW).themeRevision()).isNull();
    }
}
