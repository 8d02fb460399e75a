package org.newsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.fulltext.FullTextSettings;
import org.newsmonitor.ingest.poll.BackoffPolicy;
import org.newsmonitor.ingest.testing.Await;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.TestFeeds;
import org.newsmonitor.ingest.testing.TopicCounts;
import org.newsmonitor.outbound.AddressAllowList;

/**
 * The broker is stopped and restarted (same port, same data directory) while the ingester polls a growing feed;
 * every article must arrive exactly once.
 */
class BrokerRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static int port;
    private static ClientSettings settings;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"), 0));
        port = kafka.port();
        settings = ClientSettings.of(kafka.bootstrapServers());
        TopicCreator.ensure(settings, Topics.ALL, (short) 1, 0);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldDeliverEveryArticleExactlyOnceAcrossABrokerRestart() throws Exception {
        AtomicInteger newest = new AtomicInteger(5);
        try (FeedServer server = FeedServer.start()) {
            server.on("/feed.xml", ex -> FeedServer.respond(ex, 200, "application/rss+xml",
                    TestFeeds.rss(1, newest.get())));
            Path list = Files.writeString(dir.resolve("feeds.yaml"),
                    "- {id: growing, url: \"" + server.url("/feed.xml") + "\", interval: PT1S}\n");
            IngestConfig config = IngestConfig.defaults(settings)
                    .withFeedList(list)
                    .withSsrf(AddressAllowList.of(List.of(server.hostPort())))
                    .withHttp(HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
                            Duration.ofSeconds(3)))
                    .withBackoff(new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, 3,
                            Duration.ofMillis(500)))
                    .withKafkaTimeout(Duration.ofSeconds(3))
                    // the items link to hosts that do not exist: no page is fetched
                    .withFullText(FullTextSettings.off());
            try (IngestService service = new IngestService(config)) {
                // Given the ingester published the first five items
                service.start();
                Await.until("5 articles", WAIT, () -> TopicCounts.perKey(settings, Topics.ARTICLES.name()).size() == 5);

                // When the broker stops while the feed grows, and the ingester keeps polling
                kafka.close();
                newest.set(10);
                int requestsAtStop = server.requests("/feed.xml").size();
                Await.until("polls while the broker is down", WAIT,
                        () -> server.requests("/feed.xml").size() >= requestsAtStop + 2
                                && service.health().get(0).status() == FeedStatus.KAFKA_UNAVAILABLE);
                assertThat(service.kafkaAvailable()).isFalse();

                // And the broker comes back on the same port and data directory
                kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"), port));
                newest.set(12);

                // Then all twelve items arrive, each exactly once
                Await.until("12 articles", WAIT, () -> TopicCounts.perKey(settings, Topics.ARTICLES.name()).size() == 12);
                int requestsAfter = server.requests("/feed.xml").size();
                Await.until("three more polls", WAIT, () -> server.requests("/feed.xml").size() >= requestsAfter + 3);
                Map<String, Integer> perKey = TopicCounts.perKey(settings, Topics.ARTICLES.name());
                assertThat(perKey).hasSize(12);
                assertThat(perKey.values()).as("records per article id").containsOnly(1);
                assertThat(service.health().get(0).status()).isEqualTo(FeedStatus.OK);
                assertThat(service.kafkaAvailable()).isTrue();
            }
            // And the committed state, read without polling, shows the feed healthy with all twelve ids seen
            assertThat(IngestService.storedHealth(config)).singleElement().satisfies(h -> {
                assertThat(h.status()).isEqualTo(FeedStatus.OK);
                assertThat(h.lastSuccessAt()).isNotNull();
            });
        }
    }
}
