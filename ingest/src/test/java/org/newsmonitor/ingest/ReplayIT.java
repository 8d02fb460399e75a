package org.newsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.ingest.replay.ReplayOptions;
import org.newsmonitor.ingest.replay.ReplaySummary;
import org.newsmonitor.ingest.replay.Replayer;
import org.newsmonitor.ingest.replay.SampleArchive;
import org.newsmonitor.ingest.testing.TopicCounts;

/** Replays against a real in-process broker: idempotence, event-time timestamps, oversized records. */
class ReplayIT {
    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static ClientSettings settings;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"), 0));
        settings = ClientSettings.of(kafka.bootstrapServers());
        TopicCreator.ensure(settings, Topics.ALL, (short) 1, 0);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldPublishTheSampleArchiveOnceHoweverOftenItIsReplayed() throws Exception {
        // Given the sample archive
        List<Path> files = SampleArchive.extract(dir.resolve("samples"));
        Replayer replayer = new Replayer(IngestConfig.defaults(settings));
        int before = TopicCounts.perKey(settings, Topics.ARTICLES.name()).size();
        // When it is replayed twice
        ReplaySummary first = replayer.replay(files, ReplayOptions.defaults());
        ReplaySummary second = replayer.replay(files, ReplayOptions.defaults());
        // Then the topic holds each article exactly once, counted with a read_committed consumer
        assertThat(first.failures()).isEmpty();
        assertThat(first.published()).isEqualTo(53);
        assertThat(second.published()).isZero();
        assertThat(second.duplicatesSkipped()).isEqualTo(53);
        Map<String, Integer> perKey = TopicCounts.perKey(settings, Topics.ARTICLES.name());
        assertThat(perKey).hasSize(before + 53);
        assertThat(perKey.values()).containsOnly(1);
        // And each record's timestamp is the article's publication time
        assertThat(firstRecords(5)).allSatisfy(r -> assertThat(r.timestamp())
                .isEqualTo(new JsonSerde<>(ArticleEvent.class, r.topic()).deserialize(r.topic(), r.value())
                        .publishedAt().toEpochMilli()));
    }

    @Test
    void shouldCutAnOversizedArticleAsAFeedItemIsCutAndDeadLetterAnUnreadableLine() throws Exception {
        // Given a dump whose second article is far over the 1 MiB record limit and whose third line is not JSON
        Path dump = dir.resolve("oversized.jsonl");
        Files.writeString(dump, String.join("\n", line("a-00000000000000000000000000000001", "small one", ""),
                line("a-00000000000000000000000000000002", "huge", "x".repeat(1_500_000)), "{not json",
                line("a-00000000000000000000000000000003", "small two", "")) + "\n");
        int deadBefore = TopicCounts.total(settings, Topics.DEAD_LETTERS.name());
        // When
        ReplaySummary summary = new Replayer(IngestConfig.defaults(settings)).replay(List.of(dump),
                ReplayOptions.defaults());
        // Then the huge article is published cut to the content limit, as the normaliser cuts feed items
        assertThat(summary.published()).isEqualTo(3);
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(dump + ":3");
            assertThat(f.reason()).startsWith("malformed JSON");
        });
        // (a commit returns before the coordinator has written its markers, so a read_committed reader may lag briefly)
        Map<String, Integer> articles = awaitKeys(Topics.ARTICLES.name(), "a-00000000000000000000000000000001",
                "a-00000000000000000000000000000002", "a-00000000000000000000000000000003");
        assertThat(articles).containsKeys("a-00000000000000000000000000000001", "a-00000000000000000000000000000002",
                "a-00000000000000000000000000000003");
        Map<String, Integer> deadLetters = awaitKeys(Topics.DEAD_LETTERS.name(), dump + ":3");
        assertThat(deadLetters).containsKey(dump + ":3");
        assertThat(TopicCounts.total(settings, Topics.DEAD_LETTERS.name())).isEqualTo(deadBefore + 1);
    }

    /** Reads the topic until it holds all the keys, for at most 20 seconds; returns the last read. */
    private Map<String, Integer> awaitKeys(String topic, String... keys) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        Map<String, Integer> counts = TopicCounts.perKey(settings, topic);
        while (!counts.keySet().containsAll(List.of(keys)) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(50).toNanos());
            counts = TopicCounts.perKey(settings, topic);
        }
        return counts;
    }

    private static String line(String id, String title, String content) throws Exception {
        return Json.mapper().writeValueAsString(ArticleEvent.of(id, "dump", "Dump", "https://dump.example/" + id, title,
                "summary", content.isEmpty() ? null : content, "en", Instant.parse("2025-04-01T00:00:00Z"), null,
                List.of()));
    }

    private static List<ConsumerRecord<String, byte[]>> firstRecords(int n) {
        Properties p = settings.consumer("unused");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            TopicPartition p0 = new TopicPartition(Topics.ARTICLES.name(), 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            List<ConsumerRecord<String, byte[]>> out = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < n && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out.subList(0, Math.min(n, out.size()));
        }
    }
}
