package org.newsmonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.InvalidRecordException;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.json.JsonSerde;

class JsonSerdeTest {
    private final JsonSerde<ArticleEvent> serde = Topics.ARTICLES.valueSerde();

    @Test
    void shouldReadARecordWithUnknownPropertiesFromANewerWriter() {
        String json = """
                {"schemaVersion":1,"id":"a1","feedId":"f","title":"T","publishedAt":"2025-01-02T03:04:05Z",
                 "sentiment":"positive","entities":{"people":["x"]}}""";
        ArticleEvent article = serde.deserialize("news-articles", bytes(json));
        assertThat(article.id()).isEqualTo("a1");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(article.source()).as("source defaults to the feed id").isEqualTo("f");
    }

    @Test
    void shouldNameTheTopicAndPositionWhenJsonIsMalformed() {
        assertThatThrownBy(() -> serde.deserialize("news-articles", bytes("{\"id\": \"a1\",")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'news-articles'")
                .hasMessageContaining("Malformed JSON")
                .hasMessageContaining("line 1");
    }

    @Test
    void shouldNameTheTopicAndFieldWhenARequiredFieldIsMissing() {
        String json = "{\"schemaVersion\":1,\"id\":\"a1\",\"feedId\":\"f\",\"title\":\"T\"}";
        assertThatThrownBy(() -> serde.deserialize("news-articles", bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'news-articles'")
                .hasMessageContaining("ArticleEvent.publishedAt is required");
    }

    @Test
    void shouldRefuseARecordFromAFutureSchemaVersionItCannotRead() {
        String json = "{\"schemaVersion\":9,\"id\":\"a1\",\"feedId\":\"f\",\"publishedAt\":\"2025-01-02T03:04:05Z\"}";
        assertThatThrownBy(() -> serde.deserialize("news-articles", bytes(json)))
                .hasMessageContaining("ArticleEvent.schemaVersion is 9");
    }

    @Test
    void shouldNameTheTopicWhenJsonNestsDeeperThanTheParserAllows() {
        byte[] deep = bytes("{\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        assertThatThrownBy(() -> serde.deserialize("news-articles", deep))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'news-articles'")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void shouldNameTheTopicWhenANumberHasThousandsOfDigits() {
        String json = "{\"schemaVersion\":" + "9".repeat(5_000) + ",\"id\":\"a1\"}";
        assertThatThrownBy(() -> serde.deserialize("news-articles", bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'news-articles'")
                .hasMessageContaining("Number value length");
    }

    @Test
    void shouldNameTheTopicWhenTheValueIsJsonNull() {
        assertThatThrownBy(() -> serde.deserialize("news-articles", bytes("null")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'news-articles'")
                .hasMessageContaining("JSON null");
    }

    @Test
    void shouldPassTombstonesThroughAsNull() {
        assertThat(serde.deserialize("news-articles", null)).isNull();
        assertThat(serde.serialize("news-articles", null)).isNull();
    }

    @Test
    void shouldUseTheTopicHintWhenKafkaGivesNoTopic() {
        assertThatThrownBy(() -> serde.deserialize(null, bytes("[1,2")))
                .hasMessageContaining("topic 'news-articles'");
    }

    @Test
    void shouldNameTheBadFieldOnConstruction() {
        assertThatThrownBy(() -> ArticleEvent.of(" ", "f", "s", null, "t", "", null, null, Instant.EPOCH, null, null))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("ArticleEvent.id must not be blank")
                .extracting(e -> ((InvalidRecordException) e).field()).isEqualTo("id");
        assertThatThrownBy(() -> new ThemeDefinition(1, "Power Of Siberia", "t", "", Polarity.MIXED, List.of(), 1, null,
                "1: gas", 1, null))
                .hasMessageContaining("ThemeDefinition.id must be kebab-case");
    }

    @Test
    void shouldTruncateNothingAndKeepCyrillicAndChineseTextIntact() {
        ArticleEvent article = ArticleEvent.of("a2", "f", "ТАСС", null, "«Сила Сибири 2»: 西伯利亚力量2号", "", null, "ru",
                Instant.parse("2025-01-02T03:04:05Z"), null, List.of("газ"));
        ArticleEvent back = serde.deserialize("news-articles", serde.serialize("news-articles", article));
        assertThat(back).isEqualTo(article);
    }

    @Test
    void shouldWriteRecoveredOnlyForArticlesFromRepairedFeedsAndReadOldRecordsWithoutIt() {
        // Given one article from a repaired feed and one from a well-formed feed
        ArticleEvent plain = ArticleEvent.of("a3", "f", "s", null, "T", "", null, null,
                Instant.parse("2025-01-02T03:04:05Z"), null, List.of());
        ArticleEvent repaired = plain.asRecovered();
        // When
        String plainJson = new String(serde.serialize("news-articles", plain), StandardCharsets.UTF_8);
        String repairedJson = new String(serde.serialize("news-articles", repaired), StandardCharsets.UTF_8);
        // Then the field is additive: absent unless true, and round-trips
        assertThat(plainJson).doesNotContain("recovered");
        assertThat(repairedJson).contains("\"recovered\":true");
        assertThat(serde.deserialize("news-articles", bytes(repairedJson))).isEqualTo(repaired);
        assertThat(serde.deserialize("news-articles", bytes(plainJson)).recovered()).isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
    @Test
    void shouldReadRecordsWrittenBeforeTheLexiconAndSnippetTermsWereCarried() {
        //Given a theme and an alert as older versions wrote them
        String theme = "{\"schemaVersion\":1,\"id\":\"oil\",\"title\":\"Oil\",\"polarity\":\"MIXED\","
                + "\"minScore\":1,\"rules\":\"1: oil\",\"revision\":2}";
        String alert = "{\"schemaVersion\":1,\"alertId\":\"al-1\",\"subscriptionId\":\"s\",\"kind\":\"MATCH\","
                + "\"themeId\":\"oil\",\"storyId\":\"a-1\",\"title\":\"Oil\",\"publishedAt\":\"2025-05-14T07:30:00Z\","
                + "\"score\":1,\"terms\":[],\"snippet\":\"Oil\",\"createdAt\":\"2025-05-14T07:31:00Z\"}";
        //When
        ThemeDefinition definition = Topics.THEMES.valueSerde().deserialize(Topics.THEMES.name(),
                theme.getBytes(StandardCharsets.UTF_8));
        var read = Topics.ALERTS.valueSerde().deserialize(Topics.ALERTS.name(), alert.getBytes(StandardCharsets.UTF_8));
        //Then
        assertThat(definition.lexicon()).isNull();
        assertThat(definition.subTopics()).isEmpty();
        assertThat(read.snippetTerms()).isEmpty();
    }

    @Test
    void shouldWriteAThemeWithoutSubTopicsAsBeforeAndOneWithThemInFileOrder() {
        //Given
        ThemeDefinition bare = new ThemeDefinition(1, "oil", "Oil", "", Polarity.MIXED, List.of(), 1, null, "1: oil",
                1, null, null);
        ThemeDefinition described = new ThemeDefinition(1, "oil", "Oil", "", Polarity.MIXED, List.of(), 1, null,
                "1 [crude]: oil\n1 [lng]: lng", 1, null, null, List.of(
                        new org.newsmonitor.contracts.event.SubTopicRef("crude", " Crude by pipe and sea "),
                        new org.newsmonitor.contracts.event.SubTopicRef("lng", null)));
        //When
        String bareText = new String(Topics.THEMES.valueSerde().serialize(Topics.THEMES.name(), bare),
                StandardCharsets.UTF_8);
        ThemeDefinition read = Topics.THEMES.valueSerde().deserialize(Topics.THEMES.name(),
                Topics.THEMES.valueSerde().serialize(Topics.THEMES.name(), described));
        //Then: no field where there is nothing to say; otherwise each sub-topic with its line, in order
        assertThat(bareText).doesNotContain("subTopics");
        assertThat(read.subTopics()).extracting(t -> t.id() + "=" + t.description())
                .containsExactly("crude=Crude by pipe and sea", "lng=");
    }
}
