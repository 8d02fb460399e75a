package org.newsmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SeedRef;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.json.Json;

/**
 * The alerts service on a real broker: one alert reaches ntfy, Slack and Telegram receivers, and the subscription's
 * Atom feed opens with its token before and after a restart (token hash and alerts both rebuilt from Kafka).
 */
class ChatChannelsAndFeedIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String KEY = "it-key-0123456789";
    private static final String BOT_TOKEN = "123456:AAHexampleexampleexampleexample_-";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static ClientSettings settings;

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

    private static HttpResponse<String> http(int port, String method, String path, String key, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Entry> feedEntries(int port, String id, String token) throws Exception {
        HttpResponse<String> r = http(port, "GET", "/subscriptions/" + id + "/feed.atom?token=" + token, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ((Feed) new WireFeedInput().build(new StringReader(r.body()))).getEntries();
    }

    @Test
    void shouldDeliverToEveryChatChannelAndServeTheFeedByTokenAcrossARestart() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("unused-secret-0123456789")) {
            AlertsConfig config = AlertsConfig.defaults(settings, dir.resolve("alerts-state"))
                    .withHttp("127.0.0.1", 0).withApiKeys(Map.of("analyst", KEY))
                    .withSsrfAllow(List.of("127.0.0.1:" + receiver.port()))
                    .withRetry(new RetrySchedule(Duration.ofMillis(200), 2, Duration.ofSeconds(1),
                            Duration.ofMinutes(5), 0.2))
                    .withWebhookTimeout(Duration.ofSeconds(2)).withTelegramApi(receiver.url("/tg"));
            String telegramPath = "/tg/bot" + BOT_TOKEN + "/sendMessage";
            String id;
            String token;
            try (AlertsService first = new AlertsService(config)) {
                first.start();
                int port = first.httpPort();
                //Given
                HttpResponse<String> created = http(port, "POST", "/subscriptions", KEY, "{\"themes\":"
                        + "[\"power-of-siberia\"],\"ntfy\":\"" + receiver.url("/gas-desk") + "\",\"slack\":\""
                        + receiver.url("/services/T1/B1/x") + "\",\"telegram\":{\"botToken\":\"" + BOT_TOKEN
                        + "\",\"chatId\":\"-100123\"}}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                id = Json.mapper().readTree(created.body()).get("id").asText();
                HttpResponse<String> issued = http(port, "POST", "/subscriptions/" + id + "/feed-token", KEY, null);
                token = Json.mapper().readTree(issued.body()).get("token").asText();
                //When
                publish(Topics.THEME_MATCHES, "story-1", Fixtures.match("article-1", "story-1", "power-of-siberia",
                        3.0));
                //Then
                Await.until("one message on each chat channel", WAIT, () -> receiver.hits("/").size() == 1
                        && receiver.hits("/services/T1/B1/x").size() == 1 && receiver.hits(telegramPath).size() == 1);
                JsonNode slack = Json.mapper().readTree(receiver.hits("/services/T1/B1/x").get(0).body());
                assertThat(slack.get("text").asText()).contains("Power of Siberia 2: pricing talks resume in Beijing")
                        .contains("Example Wire");
                assertThat(Json.mapper().readTree(receiver.hits("/").get(0).body()).get("topic").asText())
                        .isEqualTo("gas-desk");
                Await.until("three deliveries recorded", WAIT, () -> {
                    try {
                        return http(port, "GET", "/subscriptions/" + id + "/deliveries", KEY, null).body()
                                .split("\"DELIVERED\"").length - 1 == 3;
                    } catch (Exception e) {
                        return false;
                    }
                });
                Await.until("the alert in the feed", WAIT, () -> {
                    try {
                        return feedEntries(port, id, token).size() == 1;
                    } catch (Exception | AssertionError e) {
                        return false;
                    }
                });
            }
            try (AlertsService second = new AlertsService(config)) {
                second.start();
                int port = second.httpPort();
                //Then: the token and the feed's alerts were rebuilt from Kafka, and nothing was sent twice
                List<Entry> entries = feedEntries(port, id, token);
                assertThat(entries).hasSize(1);
                assertThat(entries.get(0).getTitle()).isEqualTo("Power of Siberia 2: pricing talks resume in Beijing");
                http(port, "POST", "/subscriptions/" + id + "/feed-token", KEY, null);
                assertThat(http(port, "GET", "/subscriptions/" + id + "/feed.atom?token=" + token, null, null)
                        .statusCode()).isEqualTo(404);
                assertThat(receiver.hits(telegramPath)).hasSize(1);
                assertThat(receiver.hits("/services/T1/B1/x")).hasSize(1);
            }
        }
    }
}
