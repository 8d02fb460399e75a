package org.newsmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.delivery.RetrySchedule;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.WebhookReceiver;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.TopicSpec;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SeedRef;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.json.Json;

/** The alerts service against a real in-process broker, including a restart in the middle of delivery. */
class AlertsServiceIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String KEY = "it-key-0123456789";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static ClientSettings settings;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"), 0));
        settings = ClientSettings.of(kafka.bootstrapServers());
        TopicCreator.ensure(settings, Topics.ALL, (short) 1, 0);
        publish(Topics.THEMES, "power-of-siberia", new ThemeDefinition(1, "power-of-siberia", "Power of Siberia",
                "Russian pipeline gas to China", Polarity.COOPERATION, List.of(new SeedRef("001.txt", "gas")), 1,
                null, "1: \"Power of Siberia\"", 1, Instant.now()));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static <V> void publish(TopicSpec<V> topic, String key, V value) {
        try (var producer = new KafkaProducer<>(settings.producer("it-" + UUID.randomUUID()), new StringSerializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void publishRaw(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(settings.producer("it-raw"), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <V> List<V> readAll(TopicSpec<V> topic) {
        var props = settings.consumer("it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<V> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, V> r : records) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }

    private static AlertsConfig config(int receiverPort, PrintStream console) {
        return AlertsConfig.defaults(settings, dir.resolve("alerts-state"))
                .withHttp("127.0.0.1", 0)
                .withApiKeys(Map.of("analyst", KEY))
                .withSsrfAllow(List.of("127.0.0.1:" + receiverPort))
                .withRetry(new RetrySchedule(Duration.ofMillis(200), 2, Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2))
                .withWebhookTimeout(Duration.ofSeconds(2))
                .withDefaultSubscription(true, console);
    }

    private static HttpResponse<String> http(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ThemeMatchEvent match(String story) {
        return Fixtures.match("article-" + story, story, "power-of-siberia", 3.0);
    }

    @Test
    void shouldDeliverEveryAlertOnceToTheDeduplicatedReceiverAcrossARestartInTheMiddleOfDelivery() throws Exception {
        //Given: a receiver that is slow, and fails the first attempt of every third alert
        ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            receiver.script("/hook", (n, ex) -> {
                String id = ex.getRequestHeaders().getFirst("webhook-id");
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                boolean fail = Math.floorMod(id.hashCode(), 3) == 0 && failedOnce.add(id);
                WebhookReceiver.respond(ex, fail ? 500 : 200, Map.of());
            });
            AlertsConfig config = config(receiver.port(), console);
            String subscriptionId;
            AlertsService first = new AlertsService(config);
            try {
                first.start();
                int port = first.httpPort();
                HttpResponse<String> created = http(port, "POST", "/subscriptions",
                        "{\"name\":\"Gas desk\",\"themes\":[\"power-of-siberia\"],\"webhookUrl\":\""
                                + receiver.url("/hook") + "\",\"webhookSecret\":\"" + SECRET + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                subscriptionId = Json.mapper().readTree(created.body()).get("id").asText();
                HttpResponse<String> unknownTheme = http(port, "POST", "/subscriptions", "{\"themes\":[\"moon-base\"]}");
                assertThat(unknownTheme.statusCode()).isEqualTo(422);

                //When: 30 stories arrive (each copied by a second outlet), plus a poison record
                publishRaw(Topics.THEME_MATCHES.name(), "poison", "{broken".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 30; i++) {
                    String story = "story-" + i;
                    publish(Topics.THEME_MATCHES, story, match(story));
                    publish(Topics.THEME_MATCHES, story, Fixtures.match("copy-" + story, story, "power-of-siberia",
                            2.0, "en", "Second Outlet"));
                }
                Await.until("some deliveries before the restart", WAIT, () -> receiver.effects.size() >= 5);
            } finally {
                //When: the service stops in the middle of delivery
                first.close();
            }
            int before = receiver.effects.size();
            assertThat(before).isLessThan(30);

            try (AlertsService second = new AlertsService(config)) {
                second.start();
                //Then: the restarted service knows the subscription and finishes the job
                HttpResponse<String> list = http(second.httpPort(), "GET", "/subscriptions", null);
                assertThat(list.body()).contains(subscriptionId);
                Await.until("all 30 alerts delivered", WAIT, () -> receiver.effects.size() == 30);

                List<AlertEvent> alerts = readAll(Topics.ALERTS);
                Set<String> expected = alerts.stream().filter(a -> a.subscriptionId().equals(subscriptionId))
                        .map(AlertEvent::alertId).collect(Collectors.toCollection(TreeSet::new));
                assertThat(expected).hasSize(30);
                assertThat(new TreeSet<>(receiver.effects)).isEqualTo(expected);
                assertThat(receiver.hits).allMatch(WebhookReceiver.Hit::signatureValid);
                // one alert per story for each subscription, however many outlets copied it
                assertThat(alerts.stream().filter(a -> a.subscriptionId().equals("default")).count()).isEqualTo(30);

                //When: a match of a story alerted before the restart comes again (a replay), then a new story,
                // keyed alike so that it is read after the repeat
                publish(Topics.THEME_MATCHES, "story-0", Fixtures.match("third-story-0", "story-0",
                        "power-of-siberia", 2.5, "en", "Third Outlet"));
                publish(Topics.THEME_MATCHES, "story-0", match("story-30"));
                Await.until("the new story delivered", WAIT, () -> receiver.effects.size() == 31);
                //Then: the ids remembered before the restart held, so the repeat made no alert
                List<AlertEvent> afterReplay = readAll(Topics.ALERTS);
                assertThat(afterReplay.stream().filter(a -> a.subscriptionId().equals(subscriptionId))).hasSize(31);
                assertThat(afterReplay.stream().filter(a -> a.storyId().equals("story-0"))).hasSize(2);

                Await.until("deliveries visible in the API", WAIT, () -> {
                    try {
                        JsonNode d = Json.mapper().readTree(http(second.httpPort(), "GET",
                                "/subscriptions/" + subscriptionId + "/deliveries?limit=500", null).body());
                        return d.get("deliveries").findValuesAsText("status").stream()
                                .filter("DELIVERED"::equals).count() >= 31;
                    } catch (Exception e) {
                        return false;
                    }
                });
                HttpResponse<String> recent = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + second.httpPort() + "/alerts?limit=5")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(Json.mapper().readTree(recent.body()).get("alerts")).hasSize(5);
                assertThat(Json.mapper().readTree(http(second.httpPort(), "GET", "/health", null).body())
                        .get("status").asText()).isEqualTo("ok");
            }
            //Then: the poison record was dead-lettered and did not stop anything
            List<DeadLetterEvent> dead = readAll(Topics.DEAD_LETTERS);
            assertThat(dead).anyMatch(d -> "poison".equals(d.key()) && d.stage().equals("alerts.match-subscriptions"));
            // and the console printed each alert of the default subscription as one line
            String printed = consoleBytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("ALERT power-of-siberia | Power of Siberia 2: pricing talks resume in Beijing"
                    + " | Example Wire | https://news.example.org/article-story-0");
            System.out.println("Receiver: " + receiver.hits("/hook").size() + " POSTs, " + receiver.effects.size()
                    + " distinct alerts, " + before + " before the restart");
        }
    }

    @Test
    void shouldSearchArticlesReplayedIntoKafkaAndIndexNewOnes() throws Exception {
        ArticleEvent before = ArticleEvent.of("it-search-1", "it-feed", "Energy Wire", null,
                "Zarubino port expansion agreed", "A Russian port near the Chinese border.", null, "en",
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"), List.of());
        publish(Topics.ARTICLES, before.id(), before);
        publish(Topics.THEME_MATCHES, "it-search-story", Fixtures.match(before.id(), "it-search-story",
                "it-search-theme", 2.0));
        AlertsConfig config = AlertsConfig.defaults(settings, dir.resolve("search-state")).withHttp("127.0.0.1", 0)
                .withApiKeys(Map.of("analyst", KEY));
        try (AlertsService alerts = new AlertsService(config)) {
            alerts.start();
            int port = alerts.httpPort();
            Await.until("the replayed article is found", WAIT, () -> total(port, "zarubino") == 1);
            JsonNode hit = Json.mapper().readTree(http(port, "GET", "/search?q=zarubino", null).body())
                    .get("results").get(0);
            assertThat(hit.get("storyId").asText()).isEqualTo("it-search-story");
            assertThat(hit.get("themes").get(0).asText()).isEqualTo("it-search-theme");
            assertThat(hit.get("titleHtml").asText()).isEqualTo("<mark>Zarubino</mark> port expansion agreed");

            ArticleEvent after = ArticleEvent.of("it-search-2", "it-feed", "Energy Wire", null,
                    "Zarubino port: first ships", "", null, "en", Instant.parse("2026-03-02T00:00:00Z"),
                    Instant.parse("2026-03-02T00:00:00Z"), List.of());
            publish(Topics.ARTICLES, after.id(), after);
            Await.until("an article published while running is found", WAIT, () -> total(port, "zarubino") == 2);
        }
    }

    private static int total(int port, String query) {
        try {
            HttpResponse<String> r = http(port, "GET", "/search?q=" + query, null);
            return r.statusCode() == 200 ? Json.mapper().readTree(r.body()).get("total").asInt() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
