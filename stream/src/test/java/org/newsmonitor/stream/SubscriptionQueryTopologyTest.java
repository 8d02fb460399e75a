package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.stream.TopologyFixture.article;
import static org.newsmonitor.stream.TopologyFixture.pipelineArticle;
import static org.newsmonitor.stream.TopologyFixture.pipelineTheme;
import static org.newsmonitor.stream.TopologyFixture.querySubscription;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.poison.PoisonCase;
import org.newsmonitor.contracts.poison.PoisonRecords;
import org.newsmonitor.stream.query.SubscriptionQueryStore;

/** Subscriptions' private queries: read from news-subscriptions, matched with the themes, out on news-query-matches. */
class SubscriptionQueryTopologyTest {
    private static final Instant T0 = Instant.parse("2025-05-14T07:30:00Z");

    @TempDir
    Path stateDir;
    private TopologyFixture fx;

    @BeforeEach
    void setUp() {
        fx = new TopologyFixture(stateDir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private void pipeKovykta(String id, Instant at) {
        fx.pipe(article(id, "Kovykta gas for CNPC " + id, "The field's output is offered to a buyer (" + id + ").", at));
    }

    private SubscriptionQueryStore queries() {
        return (SubscriptionQueryStore) fx.driver.getStateStore(StoreNames.SUBSCRIPTION_QUERIES);
    }

    @Test
    void shouldEmitQueryMatchWithTermsOnItsOwnTopicAndNoThemeMatch() {
        //Given
        fx.subscribe(querySubscription("s1", "kovykta AND (cnpc OR sinopec)", List.of()));
        //When
        pipeKovykta("k1", T0);
        //Then
        List<ThemeMatchEvent> matches = fx.queryMatches.readValuesToList();
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.themeId()).isEqualTo("query:s1");
            assertThat(m.articleId()).isEqualTo("k1");
            assertThat(m.storyId()).isEqualTo("k1");
            assertThat(m.score()).isEqualTo(1.0);
            assertThat(m.terms()).containsExactly(new MatchedTerm("kovykta", "title", 0, 7),
                    new MatchedTerm("cnpc", "title", 16, 20));
        });
        assertThat(fx.matches.isEmpty()).isTrue();
        assertThat(fx.stats.isEmpty()).isTrue();
    }

    @Test
    void shouldMatchChangedQueryFromTheNextArticleAndStopWhenSubscriptionIsDeleted() {
        //Given
        fx.subscribe(querySubscription("s1", "zarubino", List.of()));
        pipeKovykta("k1", T0);
        //When the query changes
        fx.subscribe(querySubscription("s1", "kovykta", List.of()));
        pipeKovykta("k2", T0.plusSeconds(60));
        //And the subscription is deleted
        fx.subscriptions.pipeInput("s1", null, TopologyFixture.WALL_CLOCK);
        pipeKovykta("k3", T0.plusSeconds(120));
        //Then
        assertThat(fx.queryMatches.readValuesToList()).extracting(ThemeMatchEvent::articleId).containsExactly("k2");
        assertThat(queries().snapshot().size()).isZero();
    }

    @Test
    void shouldStopMatchingWhenQueryIsRemovedFromSubscription() {
        //Given
        fx.subscribe(querySubscription("s1", "kovykta", List.of()));
        //When
        fx.subscribe(querySubscription("s1", null, List.of()));
        pipeKovykta("k1", T0);
        //Then
        assertThat(fx.queryMatches.isEmpty()).isTrue();
    }

    @Test
    void shouldNeedBothThemeAndQueryWhenSubscriptionNamesThemes() {
        //Given
        fx.publishThemes(pipelineTheme());
        fx.subscribe(querySubscription("both", "gazprom", List.of("power-of-siberia")));
        fx.subscribe(querySubscription("other-theme", "gazprom", List.of("arms-sales")));
        //When one article matches theme and query, one only the query
        fx.pipe(pipelineArticle("p1", T0));
        fx.pipe(article("g1", "Gazprom results", "Quarterly figures of the company.", T0.plusSeconds(60)));
        //Then only the first yields a query match, with the theme's score; the theme match is unchanged
        assertThat(fx.queryMatches.readValuesToList()).singleElement().satisfies(m -> {
            assertThat(m.themeId()).isEqualTo("query:both");
            assertThat(m.articleId()).isEqualTo("p1");
            assertThat(m.score()).isEqualTo(9.0);
            assertThat(m.terms()).extracting(MatchedTerm::term).containsOnly("gazprom");
        });
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::themeId)
                .containsExactly("power-of-siberia");
    }

    @Test
    void shouldDeadLetterSubscriptionRecordsItCannotUseAndKeepMatchingTheOthers() {
        //Given
        fx.subscribe(querySubscription("good", "kovykta", List.of()));
        fx.subscribe(querySubscription("bad", "kovykta", List.of()));
        //When one record is malformed, one has an unusable query, one is keyed under another id
        fx.subscriptionsRaw.pipeInput("bad", "{\"schemaVersion\":1,\"id\":".getBytes(StandardCharsets.UTF_8),
                TopologyFixture.WALL_CLOCK);
        fx.subscriptions.pipeInput("worse", querySubscription("worse", "NOT kovykta", List.of()),
                TopologyFixture.WALL_CLOCK);
        fx.subscriptions.pipeInput("elsewhere", querySubscription("good", "kovykta", List.of()),
                TopologyFixture.WALL_CLOCK);
        pipeKovykta("k1", T0);
        //Then each is dead-lettered with its reason, the bad one stops matching, the good one goes on
        assertThat(fx.catalogDeadLetters).extracting(DeadLetterEvent::key).containsExactly("bad", "worse", "elsewhere");
        assertThat(fx.catalogDeadLetters).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo("stream.subscription-queries");
            assertThat(d.sourceTopic()).isEqualTo("news-subscriptions");
            assertThat(d.sourceOffset()).isNotNegative();
        });
        assertThat(fx.catalogDeadLetters.get(1).reason()).contains("subscription 'worse' has a query that cannot be"
                + " matched: column 1: the query is too broad");
        assertThat(fx.catalogDeadLetters.get(2).reason()).contains("record key is 'elsewhere'");
        assertThat(fx.queryMatches.readValuesToList()).extracting(ThemeMatchEvent::themeId)
                .containsExactly("query:good");
    }

    @Test
    void shouldSurviveEveryHostileSubscriptionRecord() {
        List<PoisonCase> cases = new PoisonRecords(SubscriptionEvent.class, 23L).cases(200);
        for (PoisonCase poison : cases) {
            fx.subscriptionsRaw.pipeInput("poisoned", poison.value(), TopologyFixture.WALL_CLOCK);
        }
        assertThat(fx.catalogDeadLetters).hasSize(cases.size());
        fx.subscribe(querySubscription("s1", "kovykta", List.of()));
        pipeKovykta("k1", T0);
        assertThat(fx.queryMatches.readValuesToList()).hasSize(1);
    }
}
