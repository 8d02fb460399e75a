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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import java.time.Instant;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.json.Json;

/**
 * The whole monitor as `run` starts it, on the embedded broker: a feed served over HTTP goes in at one end and its
 * alert comes out at the other, on the alerts topic and at GET /alerts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {
    private static final String TITLE = "Gazprom and CNPC agree Power of Siberia 2 price formula, Moscow says";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path dataDir;
    private HttpServer feedServer;
    private final AtomicInteger feedHits = new AtomicInteger();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Pipeline pipeline;

    @BeforeAll
    void startMonitorWithOneLocalFeed() throws Exception {
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/energy.xml", exchange -> {
            feedHits.incrementAndGet();
            byte[] body = feed().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        feedServer.start();
        String target = "127.0.0.1:" + feedServer.getAddress().getPort();
        Path feeds = Files.writeString(dataDir.resolve("feeds.yaml"), """
                feeds:
                  - id: local-energy
                    title: Local energy desk
                    url: http://%s/energy.xml
                    language: en
                    interval: 1m
                """.formatted(target));
        PipelineSettings settings = new PipelineSettings(null, dataDir.resolve("data"), "127.0.0.1", 0, (short) 0, 0,
                "127.0.0.1", 0, Map.of("analyst", "analyst-key-123"), feeds, true, false, null, List.of(target),
                false); // the items link to hosts that do not exist: no article page is fetched
        pipeline = Pipeline.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (feedServer != null) {
            feedServer.stop(0);
        }
    }

    @Test
    void shouldTurnAFeedItemIntoAnAlertOnTheTopicAtTheHttpEndpointAndInTheConsole() throws Exception {
        // Given the monitor polling a local feed with one Power of Siberia story (started above)
        // When the stream and alerts services have done their work
        AlertEvent onTopic = awaitAlertOnTopic();
        JsonNode overHttp = awaitAlertOverHttp();
        // Then the alert names the theme, the title, the source and the link, everywhere a user looks
        assertThat(feedHits.get()).isPositive();
        assertThat(onTopic.themeId()).isEqualTo("power-of-siberia");
        assertThat(onTopic.subscriptionId()).isEqualTo("default");
        assertThat(onTopic.url()).isEqualTo("https://energy-desk.example/pos2-price-formula");
        assertThat(onTopic.source()).isEqualTo("Local energy desk");
        assertThat(overHttp.path("themeId").asText()).isEqualTo("power-of-siberia");
        assertThat(overHttp.path("url").asText()).isEqualTo(onTopic.url());
        assertThat(overHttp.path("source").asText()).isEqualTo("Local energy desk");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("ALERT power-of-siberia | " + TITLE + " | Local energy desk | " + onTopic.url());
        // and the unrelated story in the same feed produced no alert
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("Ferry timetable");
    }

    @Test
    void shouldManageSubscriptionsFromTheCommandLineThroughTheApi() {
        String url = "http://127.0.0.1:" + pipeline.httpPort();
        // When an analyst creates a subscription and then asks for an unknown theme
        var created = run("subscriptions", "create", "--url", url, "--api-key", "analyst-key-123",
                "--name", "Arms desk", "--theme", "arms-sales", "--min-score", "3");
        var listed = run("subscriptions", "list", "--url", url, "--api-key", "analyst-key-123");
        var refused = run("subscriptions", "create", "--url", url, "--api-key", "analyst-key-123",
                "--theme", "no-such-theme");
        var stranger = run("subscriptions", "list", "--url", url, "--api-key", "wrong-key-000");
        // Then the first is stored and listed, the second refused naming the field, a wrong key gets 401
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("\"Arms desk\"").contains("arms-sales");
        assertThat(listed.out()).contains("Arms desk");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("HTTP 422").contains("themes");
        assertThat(stranger.err()).contains("HTTP 401");
    }

    @Test
    void shouldAlertAPrivateQueryCreatedFromTheCommandLineOnTheNextMatchingArticle() throws Exception {
        String url = "http://127.0.0.1:" + pipeline.httpPort();
        // Given an analyst's subscription with a private query, and a refused one naming the position
        var created = run("subscriptions", "create", "--url", url, "--api-key", "analyst-key-123",
                "--name", "Zarubino", "--query", "title:zarubino AND (port* OR grain)");
        var refused = run("subscriptions", "create", "--url", url, "--api-key", "analyst-key-123",
                "--query", "zarubino AND (port");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(refused.err()).contains("HTTP 422").contains("query").contains("column 14");
        String id = Json.mapper().readTree(created.out()).path("id").asText();
        // When articles about the port arrive (one per round, until the stream has read the subscription)
        var serde = Topics.ARTICLES.valueSerde();
        try (var producer = new KafkaProducer<>(pipeline.kafka().producer("pipeline-it-query"),
                new StringSerializer(), serde.serializer());
                var consumer = new KafkaConsumer<>(pipeline.kafka().consumer("pipeline-it-query"),
                        new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (int round = 0; System.nanoTime() < deadline; round++) {
                Instant now = Instant.now();
                ArticleEvent article = ArticleEvent.of("zarubino-" + round, "local-energy", "Local energy desk",
                        "https://energy-desk.example/zarubino-" + round, "Zarubino port round " + round
                                + " to ship Chinese grain", "Primorye officials said (" + round + ").", null, "en",
                        now, now, List.of());
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.id(), article)).get();
                long roundEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < roundEnd) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                        AlertEvent alert = Topics.ALERTS.valueSerde().deserialize(r.topic(), r.value());
                        if (alert.subscriptionId().equals(id)) {
                            // Then the alert is the query's, for that subscription, with the matched terms
                            assertThat(alert.themeId()).isEqualTo("query:" + id);
                            assertThat(alert.terms()).extracting(t -> t.term()).contains("zarubino", "port*");
                            return;
                        }
                        // no other subscription is alerted by a private query
                        assertThat(alert.themeId()).doesNotStartWith("query:");
                    }
                }
            }
        }
        throw new AssertionError("no alert for the private query within " + WAIT + "; console:\n" + console);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int exit = MonitorMain.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private AlertEvent awaitAlertOnTopic() {
        var serde = Topics.ALERTS.valueSerde();
        try (var consumer = new KafkaConsumer<>(pipeline.kafka().consumer("pipeline-it"), new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
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
        throw new AssertionError("no alert for the feed item within " + WAIT + "; console:\n" + console);
    }

    private JsonNode awaitAlertOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + pipeline.httpPort() + "/alerts");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            for (JsonNode alert : Json.mapper().readTree(response.body()).path("alerts")) {
                if (alert.path("title").asText().equals(TITLE)) {
                    return alert;
                }
                seen.add(alert.path("title").asText());
            }
        }
        throw new AssertionError("GET /alerts never listed the alert; saw " + seen);
    }

    private static String feed() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                  <title>Local energy desk</title><link>https://energy-desk.example/</link>
                  <description>Energy news written for the monitor's tests</description>
                  <item>
                    <title>%s</title>
                    <link>https://energy-desk.example/pos2-price-formula?utm_source=rss</link>
                    <guid>pos2-price-formula</guid>
                    <pubDate>Tue, 10 Nov 2026 08:00:00 +0300</pubDate>
                    <description>Russian and Chinese negotiators settled the price formula for gas through the
                      Power of Siberia 2 pipeline across Mongolia, the Kremlin said after talks in Beijing.</description>
                  </item>
                  <item>
                    <title>Ferry timetable changes for the winter season</title>
                    <link>https://energy-desk.example/ferry-timetable</link>
                    <pubDate>Tue, 10 Nov 2026 09:00:00 +0300</pubDate>
                    <description>The harbour ferry runs every forty minutes from December.</description>
                  </item>
                </channel></rss>
                """.formatted(TITLE);
    }
}
