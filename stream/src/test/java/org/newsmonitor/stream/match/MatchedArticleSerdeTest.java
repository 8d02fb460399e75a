package org.newsmonitor.stream.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.json.JsonSerde;

class MatchedArticleSerdeTest {
    private static final String TOPIC = "story-clustering";
    private final MatchedArticleSerde serde = new MatchedArticleSerde(TOPIC);

    @Test
    void shouldReadBackEveryFieldWhenMatchesHaveOptionalFieldsAndOtherScripts() {
        //Given
        MatchedArticle article = new MatchedArticle("a-1", Instant.parse("2026-01-05T10:00:00.123456789Z"),
                new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE},
                List.of(match("power-of-siberia", "Сила Сибири: 西伯利亚力量", "https://example.org/a-1", "ru"),
                        match("arms-sales", "С-400 \"quoted\" \n line", null, null)));
        //When
        MatchedArticle back = serde.deserialize(TOPIC, serde.serialize(TOPIC, article));
        //Then
        assertThat(back.articleId()).isEqualTo("a-1");
        assertThat(back.publishedAt()).isEqualTo(article.publishedAt());
        assertThat(back.signature()).containsExactly(article.signature());
        assertThat(back.matches()).isEqualTo(article.matches());
    }

    @Test
    void shouldBeSmallerThanJsonWhenTheArticleHasMatches() {
        //Given
        MatchedArticle article = new MatchedArticle("a-1", Instant.parse("2026-01-05T10:00:00Z"), new long[64],
                List.of(match("oil-trade", "Oil", "https://example.org/x", "en")));
        JsonSerde<MatchedArticle> json = new JsonSerde<>(MatchedArticle.class, TOPIC);
        //When
        int binary = serde.serialize(TOPIC, article).length;
        int text = json.serialize(TOPIC, article).length;
        //Then
        assertThat(binary).isLessThan(text);
    }

    @Test
    void shouldStillReadARecordWrittenAsJsonWhenTheTopicHoldsOlderRecords() {
        //Given a record written before the binary form
        MatchedArticle article = new MatchedArticle("a-2", Instant.parse("2026-01-05T10:00:00Z"), new long[] {7, -9},
                List.of(match("oil-trade", "Oil", null, "en")));
        byte[] old = new JsonSerde<>(MatchedArticle.class, TOPIC).serialize(TOPIC, article);
        //When
        MatchedArticle back = serde.deserialize(TOPIC, old);
        //Then
        assertThat(back.signature()).containsExactly(7L, -9L);
        assertThat(back.matches()).isEqualTo(article.matches());
    }

    @Test
    void shouldReadARecordOfEncodingVersionOneWithoutSnippetTerms() {
        //Given a version 1 record: the same bytes without the revision, snippet terms and sub-topics that end its
        //only match
        ThemeMatchEvent m = match("oil-trade", "Oil", null, "en");
        ThemeMatchEvent withoutSnippetTerms = new ThemeMatchEvent(m.schemaVersion(), m.articleId(), m.storyId(),
                m.themeId(), m.themeTitle(), m.polarity(), m.score(), m.terms(), m.snippet(), m.title(), m.url(),
                m.source(), m.language(), m.publishedAt(), m.matchedAt());
        MatchedArticle article = new MatchedArticle("a-4", Instant.parse("2026-01-05T10:00:00Z"), new long[] {5},
                List.of(withoutSnippetTerms));
        byte[] current = serde.serialize(TOPIC, article);
        byte[] versionOne = Arrays.copyOf(current, current.length - 3 * Integer.BYTES);
        versionOne[0] = 1;
        //When
        MatchedArticle back = serde.deserialize(TOPIC, versionOne);
        //Then
        assertThat(back.matches()).containsExactly(withoutSnippetTerms);
    }

    @Test
    void shouldNameTheTopicWhenTheRecordIsTruncated() {
        //Given
        byte[] whole = serde.serialize(TOPIC, new MatchedArticle("a-3", Instant.parse("2026-01-05T10:00:00Z"),
                new long[] {1, 2, 3}, List.of(match("oil-trade", "Oil", null, null))));
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            //When / Then
            assertThatThrownBy(() -> serde.deserialize(TOPIC, cut)).as("cut to %d bytes", length)
                    .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
        }
    }

    @Test
    void shouldRefuseAnUnknownVersionWhenTheFirstByteIsNotOurs() {
        //Given
        byte[] other = "\u0009whatever".getBytes(StandardCharsets.UTF_8);
        //When / Then
        assertThatThrownBy(() -> serde.deserialize(TOPIC, other)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown encoding version 9");
    }

    @Test
    void shouldKeepSubTopicsWhenMatchesNameThem() {
        //Given
        ThemeMatchEvent plain = match("power-of-siberia", "Gas", null, "en");
        ThemeMatchEvent named = withSubTopics(plain, List.of("second-line", "contract-price"));
        MatchedArticle article = new MatchedArticle("a-5", Instant.parse("2026-01-05T10:00:00Z"), new long[] {1},
                List.of(named, plain));
        //When
        MatchedArticle back = serde.deserialize(TOPIC, serde.serialize(TOPIC, article));
        //Then
        assertThat(back.matches().get(0).subTopics()).containsExactly("second-line", "contract-price");
        assertThat(back.matches().get(1).subTopics()).isEmpty();
    }

    @Test
    void shouldReadARecordOfEncodingVersionThreeWithoutSubTopics() {
        //Given a version-3 record: the same bytes without the trailing sub-topic count of its only match
        byte[] current = serde.serialize(TOPIC, new MatchedArticle("a-6", Instant.parse("2026-01-05T10:00:00Z"),
                new long[] {4}, List.of(match("oil-trade", "Oil", null, "en"))));
        byte[] first = Arrays.copyOf(current, current.length - 4);
        first[0] = 3;
        //When
        MatchedArticle back = serde.deserialize(TOPIC, first);
        //Then
        assertThat(back.matches()).hasSize(1);
        assertThat(back.matches().get(0).themeId()).isEqualTo("oil-trade");
        assertThat(back.matches().get(0).subTopics()).isEmpty();
    }

    private static ThemeMatchEvent withSubTopics(ThemeMatchEvent m, List<String> subTopics) {
        return new ThemeMatchEvent(m.schemaVersion(), m.articleId(), m.storyId(), m.themeId(), m.themeTitle(),
                m.polarity(), m.score(), m.terms(), m.snippet(), m.title(), m.url(), m.source(), m.language(),
                m.publishedAt(), m.matchedAt(), m.themeRevision(), m.snippetTerms(), subTopics);
    }

    private static ThemeMatchEvent match(String theme, String title, String url, String language) {
        return new ThemeMatchEvent(ThemeMatchEvent.CURRENT_VERSION, "a-1", "a-1", theme, "Theme " + theme,
                Polarity.COOPERATION, 2.5, List.of(new MatchedTerm("Power of Siberia", "title", 0, 16),
                        new MatchedTerm("газ", "content", 100, 103)), "…snippet…", title, url, "Example Wire",
                language, Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T10:00:01.5Z"), 3,
                List.of(new MatchedTerm("газ", "snippet", 1, 4)), List.of());
    }
}
