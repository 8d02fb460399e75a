package org.newsmonitor.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.ingest.normalize.MappedArticle;

class ArticleRecordsTest {
    private static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");
    private final ArticleRecords records = new ArticleRecords();

    @Test
    void shouldDeadLetterAnArticleWhoseRecordIsOverTheLimit() {
        // Given an article of some 5 KB and a 1 KB limit
        ArticleEvent article = ArticleEvent.of("a-big", "f", "S", null, "t", "x".repeat(5_000), null, null, NOW, NOW,
                List.of());
        // When
        ProducerRecord<String, byte[]> record = records.article(new MappedArticle(article, Set.of()), 1_000, NOW);
        // Then
        assertThat(ArticleRecords.isDeadLetter(record)).isTrue();
        assertThat(record.key()).isEqualTo("a-big");
        DeadLetterEvent dead = Topics.DEAD_LETTERS.valueSerde().deserialize(record.topic(), record.value());
        assertThat(dead.stage()).isEqualTo(ArticleRecords.STAGE);
        assertThat(dead.reason()).contains("over the 1000 byte limit");
        assertThat(new String(record.headers().lastHeader(DlqHeaders.STAGE).value(), StandardCharsets.UTF_8))
                .isEqualTo(ArticleRecords.STAGE);
        assertThat(ArticleRecords.deadLetterReasons(List.of(record))).singleElement().asString()
                .startsWith("a-big: ");
    }

    @Test
    void shouldWriteADeadLetterWithItsHeadersToTheDeadLetterTopic() {
        DeadLetterEvent dead = new DeadLetterEvent(DeadLetterEvent.CURRENT_VERSION, "ingest.replay", null, -1, -1,
                "malformed JSON", "dump.jsonl:3", "{not json", "utf-8", NOW);
        ProducerRecord<String, byte[]> record = records.deadLetter(dead, null);
        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        assertThat(record.key()).isEqualTo("dump.jsonl:3");
        assertThat(Topics.DEAD_LETTERS.valueSerde().deserialize(record.topic(), record.value())).isEqualTo(dead);
        assertThat(new String(record.headers().lastHeader(DlqHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("malformed JSON");
    }
}
