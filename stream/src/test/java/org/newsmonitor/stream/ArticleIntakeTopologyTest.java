package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.stream.TopologyFixture.article;
import static org.newsmonitor.stream.TopologyFixture.pipelineArticle;
import static org.newsmonitor.stream.TopologyFixture.pipelineTheme;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.poison.PoisonCase;
import org.newsmonitor.contracts.poison.PoisonRecords;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/** Reading, dead-lettering, de-duplicating and preparing articles. */
class ArticleIntakeTopologyTest {
    private static final Instant T0 = Instant.parse("2025-05-14T07:30:00Z");

    @TempDir
    Path stateDir;
    private TopologyFixture fx;

    @BeforeEach
    void setUp() {
        fx = new TopologyFixture(stateDir, TopologySettings.defaults().withDedupRetention(Duration.ofHours(24)));
        fx.publishThemes(pipelineTheme());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeadLetterMalformedJsonWithHeadersAndKeepProcessingWhenArticleRecordIsCorrupt() {
        //Given
        fx.pipeRaw("bad-1", "{\"schemaVersion\":1,\"id\":\"bad-1\",", T0);
        //When
        fx.pipe(pipelineArticle("good-1", T0.plusSeconds(1)));
        //Then
        TestRecord<String, DeadLetterEvent> dead = fx.deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("bad-1");
        assertThat(dead.value().stage()).isEqualTo("stream.read-articles");
        assertThat(dead.value().sourceTopic()).isEqualTo(Topics.ARTICLES.name());
        assertThat(dead.value().sourceOffset()).isZero();
        assertThat(dead.value().payload()).isEqualTo("{\"schemaVersion\":1,\"id\":\"bad-1\",");
        assertThat(dead.value().reason()).startsWith("Malformed JSON for ArticleEvent on topic 'news-articles'");
        assertThat(header(dead.headers(), DlqHeaders.SOURCE_TOPIC)).isEqualTo(Topics.ARTICLES.name());
        assertThat(header(dead.headers(), DlqHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DlqHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead.headers(), DlqHeaders.STAGE)).isEqualTo("stream.read-articles");
        assertThat(header(dead.headers(), DlqHeaders.EXCEPTION)).startsWith("com.fasterxml.jackson");
        assertThat(header(dead.headers(), DlqHeaders.REASON)).isEqualTo(dead.value().reason());
        assertThat(fx.deadLetters.isEmpty()).isTrue();
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId).containsExactly("good-1");
    }

    @Test
    void shouldDeadLetterInvalidArticleNamingTheFieldWhenValidationFails() {
        //Given an article without a publication time
        String json = "{\"schemaVersion\":1,\"id\":\"x-1\",\"feedId\":\"f\",\"title\":\"Power of Siberia\"}";
        //When
        fx.pipeRaw("x-1", json, T0);
        fx.pipeRaw("x-2", null, T0);
        //Then
        List<DeadLetterEvent> dead = fx.deadLetters.readValuesToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).reason()).isEqualTo("Invalid ArticleEvent on topic 'news-articles': "
                + "ArticleEvent.publishedAt is required");
        assertThat(dead.get(0).sourceOffset()).isZero();
        assertThat(dead.get(1).reason()).startsWith("Empty value (tombstone) on topic 'news-articles'");
        assertThat(dead.get(1).sourceOffset()).isEqualTo(1);
        assertThat(fx.matches.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterEveryHostileArticleRecordAndKeepMatching() {
        //Given hostile values on the articles topic
        List<PoisonCase> cases = new PoisonRecords(ArticleEvent.class, 19L).cases(200);
        for (PoisonCase poison : cases) {
            fx.articlesRaw.pipeInput("poisoned", poison.value(), T0);
        }
        //When a good article follows
        fx.pipe(pipelineArticle("good-1", T0.plusSeconds(1)));
        //Then nothing escaped, the values that cannot be read are dead letters naming the topic (a random shape
        // may happen to be a valid article), and the good article still matches
        List<DeadLetterEvent> dead = fx.deadLetters.readValuesToList();
        assertThat(dead.size()).isBetween(cases.size() * 9 / 10, cases.size());
        assertThat(dead).allSatisfy(d -> assertThat(d.reason()).contains("topic 'news-articles'"));
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId).containsExactly("good-1");
    }

    @Test
    void shouldMatchOnceWhenSameArticleIdArrivesTwiceWithinRetention() {
        //Given
        ArticleEvent article = pipelineArticle("dup-1", T0);
        fx.pipe(article);
        //When the ingester republishes it 23:59:59.999 later
        fx.driver.advanceWallClockTime(Duration.ofHours(24).minusMillis(1));
        fx.pipe(article);
        //Then
        assertThat(fx.matches.readValuesToList()).hasSize(1);
        KeyValueStore<String, Long> seen = fx.driver.getKeyValueStore(StoreNames.ARTICLE_IDS);
        assertThat(seen.get("dup-1")).isEqualTo(TopologyFixture.WALL_CLOCK.toEpochMilli());
    }

    @Test
    void shouldForgetIdAndMatchAgainWhenRetentionHasPassed() {
        //Given
        ArticleEvent article = pipelineArticle("dup-2", T0);
        fx.pipe(article);
        fx.matches.readValuesToList();
        //When the wall clock passes the retention, the purge removes the id
        fx.driver.advanceWallClockTime(Duration.ofHours(24));
        KeyValueStore<String, Long> seen = fx.driver.getKeyValueStore(StoreNames.ARTICLE_IDS);
        assertThat(seen.get("dup-2")).isNull();
        fx.pipe(article);
        //Then
        assertThat(fx.matches.readValuesToList()).hasSize(1);
        assertThat(seen.get("dup-2")).isEqualTo(TopologyFixture.WALL_CLOCK.plus(Duration.ofHours(24)).toEpochMilli());
    }

    @Test
    void shouldMatchARepublishedArticleWhenItMatchedNothingTheFirstTimeAndAThemeNowFits() {
        //Given an article arrives while no theme would match it
        fx.themes.pipeInput("power-of-siberia", null, TopologyFixture.WALL_CLOCK);
        ArticleEvent article = pipelineArticle("late-theme-1", T0);
        fx.pipe(article);
        //When the theme is published and the ingester republishes the article
        fx.publishThemes(pipelineTheme());
        fx.pipe(article);
        fx.pipe(article);
        //Then only articles with a theme hit are remembered, and the republished one matches once
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId)
                .containsExactly("late-theme-1");
    }

    @Test
    void shouldSkipOrMatchWithoutCrashingWhenArticlesAreEmptyHugeOrInAnUnexpectedScript() {
        //Given
        ArticleEvent empty = article("empty-1", "", "", T0);
        ArticleEvent huge = ArticleEvent.of("huge-1", "f", "Wire", null, "Power of Siberia: Russia and China talk",
                "Moscow and Beijing meet.", "Gazprom. " + "lorem ipsum ".repeat(200_000), "en", T0, null, List.of());
        ArticleEvent arabic = article("ar-1", "روسيا والصين توقعان اتفاقية غاز", "موسكو وبكين \uD83D\uDE00 \uD800", T0);
        ArticleEvent symbols = article("sym-1", "12:00 — 13:00", "+++ 2025 +++", T0);
        //When
        for (ArticleEvent a : List.of(empty, huge, arabic, symbols)) {
            fx.pipe(a);
        }
        fx.pipe(pipelineArticle("after-1", T0));
        //Then
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId)
                .containsExactly("huge-1", "after-1");
        assertThat(fx.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldStampMatchWithPublicationTimeAndClampItWhenDateLiesFarInTheFuture() {
        //Given
        Instant future = TopologyFixture.WALL_CLOCK.plus(Duration.ofDays(400));
        //When
        fx.pipe(pipelineArticle("now-1", T0));
        fx.pipe(pipelineArticle("future-1", future));
        //Then
        List<TestRecord<String, ThemeMatchEvent>> out = fx.matches.readRecordsToList();
        assertThat(out.get(0).timestamp()).isEqualTo(T0.toEpochMilli());
        assertThat(out.get(1).value().publishedAt()).isEqualTo(future);
        assertThat(out.get(1).timestamp()).isEqualTo(TopologyFixture.WALL_CLOCK.plus(Duration.ofDays(1)).toEpochMilli());
    }

    @Test
    void shouldNameTheSubTopicsThatFiredWhenPublishingAMatch() {
        //Given a theme whose rules are tagged with sub-topics
        fx.publishThemes(TopologyFixture.pipelineTheme(2,
                "6 [pipeline-flows]: \"power of siberia\"\n3 [contract-price]: gazprom\n3 [lng]: lng\n"));
        //When
        fx.pipe(pipelineArticle("sub-1", T0));
        //Then
        ThemeMatchEvent match = fx.matches.readValue();
        assertThat(match.themeId()).isEqualTo("power-of-siberia");
        assertThat(match.subTopics()).containsExactly("pipeline-flows", "contract-price");
    }
}
