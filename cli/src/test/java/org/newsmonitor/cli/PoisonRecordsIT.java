package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicSpec;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.json.Json;

/**
 * Issue 19: no single record stops the monitor. Poison records (nesting 5,000 deep, 5,000-digit numbers, random
 * bytes, JSON null, and records keyed differently from their own id) on every compacted topic are dead-lettered
 * while `run` is up and again when it restarts on the same data directory; it comes up, reports healthy and still
 * alerts on a good article.
 */
class PoisonRecordsIT {
    private static final String TITLE = "Gazprom and CNPC sign Power of Siberia 2 supply contract in Beijing, Kremlin says";
    // a restart restores both Streams apps before the good article can alert: on a loaded 2-core machine that has
    // taken over 45 s, so the bound is generous (it is only reached when the test fails)
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<TopicSpec<?>> COMPACTED = List.of(Topics.THEMES, Topics.FEED_STATE,
            Topics.SUBSCRIPTIONS, Topics.THEME_STATS);

    @TempDir
    Path dir;
    private HttpServer feedServer;
    private final AtomicReference<String> feedItems = new AtomicReference<>("");
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (feedServer != null) {
            feedServer.stop(0);
        }
    }

    @Test
    void shouldDeadLetterPoisonOnEveryCompactedTopicAndKeepAlertingAcrossARestart() throws Exception {
        // Given the monitor running on a data directory, polling a local feed that has no items yet
        PipelineSettings settings = settings();
        pipeline = Pipeline.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
        // When poison records land on each compacted topic while it runs
        int written = writePoison(pipeline.kafka());
        awaitDeadLetters(pipeline.kafka(), Set.of("news-themes/stream.theme-catalog",
                "news-subscriptions/alerts.policy.subscriptions", "news-subscriptions/alerts.views",
                "news-subscriptions/stream.subscription-queries",
                "news-themes/alerts.views", "news-theme-stats/alerts.views"));
        assertThat(pipeline.failure()).isNull();
        // and it is restarted on the same data directory, where the poison is read again from the beginning
        pipeline.close();
        feedItems.set(goodItem());
        pipeline = Pipeline.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
        // Then it comes up, every reader dead-lettered what it could not read, and a good article still alerts
        Set<String> seen = awaitDeadLetters(pipeline.kafka(), Set.of("news-feed-state/ingest.feed-state",
                "news-themes/stream.theme-publisher", "news-themes/stream.theme-catalog",
                "news-subscriptions/alerts.policy.subscriptions", "news-subscriptions/alerts.views",
                "news-subscriptions/stream.subscription-queries",
                "news-themes/alerts.views", "news-theme-stats/alerts.views"));
        assertThat(seen).as("dead letters by topic/stage").isNotEmpty();
        AlertEvent alert = awaitAlert(pipeline.kafka());
        assertThat(alert.subscriptionId()).isEqualTo("default");
        assertThat(alert.themeId()).isEqualTo("power-of-siberia");
        JsonNode health = health();
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("ok");
        assertThat(health.path("streams").path("news-monitor-stream").asText()).isEqualTo("RUNNING");
        assertThat(health.path("streams").path("news-monitor-alerts").asText()).isEqualTo("RUNNING");
        assertThat(pipeline.failure()).isNull();
        assertThat(written).isEqualTo(COMPACTED.size() * 4 + 3);
    }

    private PipelineSettings settings() throws Exception {
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/energy.xml", exchange -> {
            byte[] body = feed(feedItems.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        feedServer.start();
        String target = "127.0.0.1:" + feedServer.getAddress().getPort();
        Path feeds = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - id: local-energy
                    title: Local energy desk
                    url: http://%s/energy.xml
                    language: en
                    interval: 1m
                """.formatted(target));
        return new PipelineSettings(null, dir.resolve("data"), "127.0.0.1", 0, (short) 0, 0, "127.0.0.1", 0,
                Map.of("analyst", "analyst-key-123"), feeds, true, false, null, List.of(target));
    }

    /** Four hostile values on each compacted topic, plus a record under another key on each keyed one. */
    private static int writePoison(ClientSettings kafka) throws Exception {
        byte[] deep = ("{\"schemaVersion\":1,\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] huge = ("{\"schemaVersion\":1,\"count\":" + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] random = {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x7B};
        byte[] jsonNull = "null".getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (TopicSpec<?> topic : COMPACTED) {
            // the theme key is a real one: its latest record is poison until the publisher writes a good version
            String key = topic == Topics.THEMES ? "power-of-siberia" : "poison";
            for (byte[] value : List.of(deep, huge, random, jsonNull)) {
                records.add(new ProducerRecord<>(topic.name(), key, value));
            }
        }
        // a subscription under another key that carries the default subscription's id
        records.add(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), "mallory", bytes("""
                {"schemaVersion":1,"id":"default","owner":"mallory","name":"stolen","themes":[],"minScore":0,
                 "languages":[],"sources":[],"mode":"IMMEDIATE","webhookUrl":"https://hooks.example.org/steal",
                 "webhookSecret":"x","includeSurges":false,"createdAt":"2026-01-01T00:00:00Z",
                 "updatedAt":"2099-01-01T00:00:00Z"}""")));
        records.add(new ProducerRecord<>(Topics.FEED_STATE.name(), "local-energy", bytes("""
                {"schemaVersion":1,"feedId":"another-feed","url":"http://127.0.0.1:1/x.xml","seenIds":[],
                 "consecutiveFailures":0,"disabled":true}""")));
        records.add(new ProducerRecord<>(Topics.THEMES.name(), "arms-sales", bytes("""
                {"schemaVersion":1,"id":"power-of-siberia","title":"Hijacked","polarity":"MIXED","seeds":[],
                 "minScore":0,"rules":"1: the"}""")));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("poison-writer"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
        }
        return records.size();
    }

    /** Waits until dead letters of every expected topic/stage pair are on the topic; returns the pairs seen. */
    private Set<String> awaitDeadLetters(ClientSettings kafka, Set<String> expected) {
        Set<String> seen = new HashSet<>();
        var serde = Topics.DEAD_LETTERS.valueSerde();
        var props = kafka.consumer("poison-it");
        props.remove("group.id");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.DEAD_LETTERS.name(), 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    DeadLetterEvent d = serde.deserialize(r.topic(), r.value());
                    seen.add(d.sourceTopic() + "/" + d.stage());
                }
            }
        }
        assertThat(seen).as("dead letters by topic/stage; console:\n" + console).containsAll(expected);
        return seen;
    }

    private AlertEvent awaitAlert(ClientSettings kafka) {
        var serde = Topics.ALERTS.valueSerde();
        var props = kafka.consumer("poison-it-alerts");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    AlertEvent alert = serde.deserialize(r.topic(), r.value());
                    if (alert.title().equals(TITLE)) {
                        return alert;
                    }
                }
            }
        }
        throw new AssertionError("no alert for the good article within " + WAIT + "; console:\n" + console);
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + pipeline.httpPort() + "/health")).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String goodItem() {
        return """
                  <item>
                    <title>%s</title>
                    <link>https://energy-desk.example/pos2-contract</link>
                    <guid>pos2-contract</guid>
                    <pubDate>Tue, 10 Nov 2026 08:00:00 +0300</pubDate>
                    <description>Russian and Chinese negotiators signed the supply contract for gas through the
                      Power of Siberia 2 pipeline across Mongolia, the Kremlin said after talks in Beijing.</description>
                  </item>
                """.formatted(TITLE);
    }

    private static String feed(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                  <title>Local energy desk</title><link>https://energy-desk.example/</link>
                  <description>Energy news written for the monitor's tests</description>
                %s</channel></rss>
                """.formatted(items);
    }
}
