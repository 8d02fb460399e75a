package org.newsmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.policy.AlertPolicyTopology;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.TopicSpec;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/**
 * Issue 21.2: alerts about year-old news survive segment rolls and retention checks of {@code news-alerts}, whose
 * retention is counted from the record timestamp. The broker checks retention every 200 ms; the topics roll a segment
 * every 200 ms and keep records for one day, so a record stamped with its article's publication time a year ago is
 * deleted at the next check, as a control topic shows.
 */
class AlertRetentionIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CONTROL = "retention-control";
    private static final String FOREIGN = "retention-foreign-writer";
    private static final Map<String, String> SHORT_LIVED = Map.of(TopicConfig.RETENTION_MS_CONFIG,
            String.valueOf(Duration.ofDays(1).toMillis()), TopicConfig.SEGMENT_MS_CONFIG, "200");

    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static ClientSettings settings;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dir.resolve("kafka"), 0, "127.0.0.1",
                Map.of("log.retention.check.interval.ms", "200", "log.initial.task.delay.ms", "100")));
        settings = ClientSettings.of(kafka.bootstrapServers());
        try (Admin admin = Admin.create(settings.admin())) {
            // news-alerts as an earlier version created it (timestamps as written), one partition, short-lived
            Map<String, String> asBefore = new java.util.HashMap<>(Topics.ALERTS.configs());
            asBefore.remove(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
            asBefore.putAll(SHORT_LIVED);
            Map<String, String> control = new java.util.HashMap<>(asBefore);
            // news-alerts as this version creates it, written by a client that stamps publication times
            Map<String, String> asNow = new java.util.HashMap<>(Topics.ALERTS.configs());
            asNow.putAll(SHORT_LIVED);
            admin.createTopics(List.of(new NewTopic(Topics.ALERTS.name(), 1, (short) 1).configs(asBefore),
                    new NewTopic(CONTROL, 1, (short) 1).configs(control),
                    new NewTopic(FOREIGN, 1, (short) 1).configs(asNow))).all().get();
        }
        TopicCreator.ensure(settings, List.of(Topics.SUBSCRIPTIONS, Topics.THEME_MATCHES, Topics.QUERY_MATCHES,
                Topics.THEME_SURGES, Topics.DEAD_LETTERS), (short) 1, 1);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldKeepEveryAlertAboutYearOldNewsAfterSegmentRollsAndRetentionChecksIssue21() throws Exception {
        //Given the alert policy running, a subscription, and a control record stamped a year ago
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        send(Topics.SUBSCRIPTIONS, "gas", Fixtures.subscription("gas", List.of("power-of-siberia")), null);
        Properties props = AlertPolicyTopology.streamsConfig(settings, dir.resolve("state").toString());
        try (KafkaStreams policy = new KafkaStreams(AlertPolicyTopology.build(Duration.ofDays(1), (event, error) -> { }), props)) {
            policy.start();
            //When matches about year-old news arrive, stamped with their publication time as the stream writes them
            sendMatches(0, 5, yearAgo);
            Await.until("5 alerts", WAIT, () -> readAll(Topics.ALERTS.name()).size() == 5);
            //And a retention check has run (it deletes the control record), then more alerts roll a new segment
            awaitRetentionCheck(yearAgo);
            sendMatches(5, 10, yearAgo);
            Await.until("10 alerts", WAIT, () -> readAll(Topics.ALERTS.name()).size() == 10);
            awaitRetentionCheck(yearAgo);
        }
        //Then every alert is still there, each stamped when it was written and dated by its news inside
        assertThat(segmentFiles(Topics.ALERTS.name())).as("segments of news-alerts").isGreaterThanOrEqualTo(2);
        assertThat(earliestOffset(Topics.ALERTS.name())).isZero();
        List<ConsumerRecord<String, String>> alerts = readAll(Topics.ALERTS.name());
        assertThat(alerts).hasSize(10).allSatisfy(r -> {
            assertThat(Instant.ofEpochMilli(r.timestamp())).isAfter(Instant.now().minus(Duration.ofHours(1)));
            assertThat(Topics.ALERTS.valueSerde().deserialize(r.topic(), r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)).publishedAt())
                    .isEqualTo(yearAgo);
        });
    }

    @Test
    void shouldKeepARecordStampedAYearAgoWhenTheTopicIsCreatedAsThisVersionCreatesItIssue21() throws Exception {
        //Given a writer outside our transactions that stamps a record with a year-old time
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(FOREIGN, null, yearAgo.toEpochMilli(), "k", "v")).get();
        }
        //When retention checks have run twice
        awaitRetentionCheck(yearAgo);
        awaitRetentionCheck(yearAgo);
        //Then the broker's append time decided, and the record is kept
        assertThat(earliestOffset(FOREIGN)).isZero();
        assertThat(readAll(FOREIGN)).singleElement()
                .satisfies(r -> assertThat(r.timestamp()).isGreaterThan(yearAgo.toEpochMilli()));
    }

    private static void sendMatches(int from, int to, Instant publishedAt) {
        for (int i = from; i < to; i++) {
            ThemeMatchEvent m = Fixtures.match("a" + i, "s" + i, "power-of-siberia", 5.0);
            ThemeMatchEvent old = new ThemeMatchEvent(m.schemaVersion(), m.articleId(), m.storyId(), m.themeId(),
                    m.themeTitle(), m.polarity(), m.score(), m.terms(), m.snippet(), m.title(), m.url(), m.source(),
                    m.language(), publishedAt, publishedAt, m.themeRevision(), m.snippetTerms(), m.subTopics());
            send(Topics.THEME_MATCHES, old.storyId(), old, publishedAt.toEpochMilli());
        }
    }

    /** Writes a record stamped {@code yearAgo} to the control topic and waits until the broker deleted it. */
    private static void awaitRetentionCheck(Instant yearAgo) throws Exception {
        long before = latestOffset(CONTROL);
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(CONTROL, null, yearAgo.toEpochMilli(), "old", "old")).get();
        }
        Await.until("a retention check deleting the control record", WAIT, () -> earliestOffset(CONTROL) > before);
    }

    private static <V> void send(TopicSpec<V> topic, String key, V value, Long timestamp) {
        try (var producer = new KafkaProducer<>(settings.producer("it-" + UUID.randomUUID()), new StringSerializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(settings.producer("it-" + UUID.randomUUID()), new StringSerializer(),
                new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        var props = settings.consumer("it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static long earliestOffset(String topic) {
        return offset(topic, OffsetSpec.earliest());
    }

    private static long latestOffset(String topic) {
        return offset(topic, OffsetSpec.latest());
    }

    private static long offset(String topic, OffsetSpec spec) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(settings.admin())) {
            return admin.listOffsets(Map.of(partition, spec)).partitionResult(partition).get().offset();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static long segmentFiles(String topic) throws IOException {
        try (Stream<Path> logDirs = Files.walk(kafka.dataDir())) {
            Path partitionDir = logDirs.filter(p -> p.getFileName().toString().equals(topic + "-0")).findFirst()
                    .orElseThrow(() -> new AssertionError("no log directory for " + topic));
            try (Stream<Path> files = Files.list(partitionDir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".log")).count();
            }
        }
    }
}
