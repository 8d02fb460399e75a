package org.newsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.newsmonitor.ingest.state.TopicScanner;
import org.newsmonitor.ingest.testing.Await;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.LocalHub;
import org.newsmonitor.ingest.testing.TestFeeds;
import org.newsmonitor.ingest.testing.TopicCounts;
import org.newsmonitor.ingest.websub.WebSubSettings;
import org.newsmonitor.outbound.AddressAllowList;

/**
 * WebSub against the real ingest service, its HTTP listener and the embedded broker, with a local hub and a local
 * publisher: feeds that advertise a working hub are pushed (and polled at their ceiling only), deliveries take the
 * poller's path, refused deliveries and misbehaving hubs hand the feed back to polling, a feed whose first hub
 * denies is pushed by its second, removed feeds are unsubscribed.
 */
class WebSubIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ATOM = "application/atom+xml";

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static ClientSettings settings;
    private static FeedServer feeds;
    private static LocalHub hub;
    private static FeedHealthServer listener;
    private static IngestService service;
    private static Path feedList;
    private static final AtomicInteger newestA = new AtomicInteger(1);
    private static final AtomicInteger newestB = new AtomicInteger(1);
    private static final AtomicInteger newestTwoHubs = new AtomicInteger(1);
    /** The feed advertising two hubs; its articles are counted apart from the others'. */
    private static final String TWO_HUBS = "two-hubs";

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"), 0));
        settings = ClientSettings.of(kafka.bootstrapServers());
        TopicCreator.ensure(settings, Topics.ALL, (short) 1, 0);
        hub = LocalHub.start();
        feeds = FeedServer.start();
        feeds.on("/push-a.xml", ex -> FeedServer.respond(ex, 200, ATOM, atom("push-a", newestA.get(),
                "<link rel=\"hub\" href=\"" + hub.url("/hub") + "\"/><link rel=\"self\" href=\""
                        + feeds.url("/push-a.xml") + "\"/>")));
        feeds.on("/push-b.xml", ex -> {
            ex.getResponseHeaders().add("Link", "<" + hub.url("/hub") + ">; rel=\"hub\"");
            FeedServer.respond(ex, 200, "application/rss+xml", TestFeeds.rss(1, newestB.get()));
        });
        for (String bad : List.of("silent", "wrong-topic", "deny", "hang")) {
            feeds.on("/" + bad + ".xml", ex -> FeedServer.respond(ex, 200, ATOM, atom(bad, 1,
                    "<link rel=\"hub\" href=\"" + hub.url("/" + bad) + "\"/>")));
        }
        feeds.on("/plain.xml", ex -> FeedServer.respond(ex, 200, ATOM, atom("plain", 1, "")));
        feeds.on("/" + TWO_HUBS + ".xml", ex -> FeedServer.respond(ex, 200, ATOM, atom(TWO_HUBS, newestTwoHubs.get(),
                "<link rel=\"hub\" href=\"" + hub.url("/deny") + "\"/><link rel=\"hub\" href=\"" + hub.url("/hub")
                        + "\"/>")));
        feedList = dir.resolve("feeds.yaml");
        Files.writeString(feedList, feedList(List.of("push-a", "push-b", "silent", "wrong-topic", "deny", "hang",
                "plain", TWO_HUBS)));
        AtomicReference<HttpHandler> callback = new AtomicReference<>();
        listener = FeedHealthServer.start("127.0.0.1", 0, () -> service.health(),
                exchange -> callback.get().handle(exchange));
        IngestConfig config = IngestConfig.defaults(settings)
                .withFeedList(feedList)
                .withSsrf(AddressAllowList.of(List.of(feeds.hostPort(), hub.hostPort())))
                .withHttp(HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(2)))
                .withHostRequestsPerHour(100_000)
                .withKafkaTimeout(Duration.ofSeconds(5));
        WebSubSettings webSub = WebSubSettings.withCallback(URI.create("http://127.0.0.1:" + listener.port()))
                .withTimings(Duration.ofHours(1), Duration.ofSeconds(3), Duration.ofHours(1));
        service = new IngestService(config, webSub);
        callback.set(service.webSubCallback());
        service.start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (listener != null) {
            listener.close();
        }
        hub.close();
        feeds.close();
        kafka.close();
    }

    @Test
    void shouldPublishSignedDeliveriesOnceRefuseBadOnesAndUnsubscribeARemovedFeed() throws Exception {
        String callbackA = "http://127.0.0.1:" + listener.port() + "/websub/push-a";
        String callbackB = "http://127.0.0.1:" + listener.port() + "/websub/push-b";
        // Given both feeds were subscribed at the hub, which verified them, and are now polled at their ceiling only
        try {
            Await.until("push-a and push-b verified and relaxed", WAIT, () -> pushed("push-a") && pushed("push-b"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + service.health(), e);
        }
        assertThat(health("push-a").webSub()).startsWith("active via " + hub.url("/hub"));
        assertThat(hub.verified(callbackA).form()).containsEntry("hub.topic", feeds.url("/push-a.xml").toString())
                .containsKey("hub.secret");
        assertThat(hub.verified(callbackB).form().get("hub.topic")).isEqualTo(feeds.url("/push-b.xml").toString());
        assertThat(hub.verified(callbackA).form().get("hub.secret"))
                .isNotEqualTo(hub.verified(callbackB).form().get("hub.secret")).hasSize(64);
        Await.until("the first items", WAIT, () -> articles() == 7);
        int pollsOfA = feeds.requests("/push-a.xml").size();

        // When the publisher adds an item and the hub pushes the new document, signed with sha256, then sha1
        newestA.set(2);
        assertThat(hub.publish(callbackA, atom("push-a", 2, ""), "sha256")).isEqualTo(200);
        Await.until("the pushed item", WAIT, () -> articles() == 8);
        newestA.set(3);
        assertThat(hub.publish(callbackA, atom("push-a", 3, ""), "sha1")).isEqualTo(200);
        Await.until("the second pushed item", WAIT, () -> articles() == 9);
        // Then they were published without a poll, and the same document pushed again publishes nothing
        assertThat(feeds.requests("/push-a.xml")).hasSize(pollsOfA);
        assertThat(hub.publish(callbackA, atom("push-a", 3, ""), "sha256")).isEqualTo(200);
        assertThat(health("push-a").webSub()).contains("3 deliveries");

        // When a delivery for push-b is signed with another secret
        newestB.set(2);
        int pollsOfB = feeds.requests("/push-b.xml").size();
        assertThat(hub.publish(callbackB, TestFeeds.rss(1, 2), "wrong")).isEqualTo(403);
        // Then it is refused, the subscription fails and polling takes over at once and finds the item
        assertThat(health("push-b").webSub()).startsWith("failed: delivery refused: X-Hub-Signature sha256 does not "
                + "match the body; polling");
        Await.until("push-b polled again", WAIT, () -> feeds.requests("/push-b.xml").size() > pollsOfB
                && !health("push-b").pollReason().contains("WebSub"));
        Await.until("push-b's item through polling", WAIT, () -> articles() == 10);

        // When a delivery for push-a has no signature at all
        assertThat(hub.publish(callbackA, atom("push-a", 4, ""), "none")).isEqualTo(403);
        assertThat(health("push-a").webSub()).startsWith("failed: delivery refused: no X-Hub-Signature header");
        assertThat(articles()).isEqualTo(10);

        // When push-a is removed from the feed list
        Files.writeString(feedList, feedList(List.of("push-b", "silent", "wrong-topic", "deny", "hang", "plain",
                TWO_HUBS)));
        // Then it is unsubscribed at the hub, which verified the unsubscription with our callback
        Await.until("push-a unsubscribed", WAIT, () -> hub.requests().stream().anyMatch(r ->
                r.mode().equals("unsubscribe") && LocalHub.callbackOf(r, callbackA) && r.echoed()));
        // and every article was published exactly once
        assertThat(TopicCounts.perKey(settings, Topics.ARTICLES.name()).values()).allMatch(n -> n == 1);
    }

    @Test
    void shouldFallBackToPollingWhenTheHubIsSilentVerifiesAnotherTopicDeniesOrNeverAnswers() {
        Await.until("every bad hub given up", WAIT, () -> List.of("silent", "wrong-topic", "deny", "hang").stream()
                .allMatch(id -> health(id).webSub() != null && health(id).webSub().startsWith("failed: ")));
        assertThat(health("silent").webSub()).startsWith("failed: hub " + hub.url("/silent")
                + " did not verify the subscription within 3 s; polling");
        assertThat(health("wrong-topic").webSub()).startsWith("failed: hub " + hub.url("/wrong-topic")
                + " did not verify the subscription within 3 s");
        assertThat(hub.requests()).filteredOn(r -> r.hubPath().equals("/wrong-topic"))
                .allSatisfy(r -> assertThat(r.verificationStatus()).isEqualTo(404));
        assertThat(health("deny").webSub()).startsWith("failed: hub " + hub.url("/deny")
                + " denied the subscription: topic not served here");
        assertThat(health("hang").webSub()).startsWith("failed: hub " + hub.url("/hang")
                + " refused the subscription request: no answer within 2000 ms");
        assertThat(health("plain").webSub()).isNull();
        // and each is still polled at its own pace
        for (String id : List.of("silent", "wrong-topic", "deny", "hang", "plain")) {
            int before = feeds.requests("/" + id + ".xml").size();
            Await.until(id + " polled", WAIT, () -> feeds.requests("/" + id + ".xml").size() >= before + 2);
            assertThat(health(id).pollReason()).doesNotContain("WebSub");
        }
    }

    @Test
    void shouldBePushedByTheSecondHubWhenTheFirstDenies() throws Exception {
        String callback = "http://127.0.0.1:" + listener.port() + "/websub/" + TWO_HUBS;
        // Given a feed that names two hubs, the first of which denies the subscription
        try {
            Await.until(TWO_HUBS + " verified at its second hub and relaxed", WAIT, () -> pushed(TWO_HUBS));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + service.health(), e);
        }
        // Then the second hub was asked with its own token and secret, and the health names both
        assertThat(health(TWO_HUBS).webSub()).startsWith("active via " + hub.url("/hub"))
                .contains("hubs failed: " + hub.url("/deny") + " at ")
                .contains("(hub " + hub.url("/deny") + " denied the subscription: topic not served here)");
        LocalHub.Request denied = hub.requests().stream().filter(r -> r.hubPath().equals("/deny")
                && LocalHub.callbackOf(r, callback)).findFirst().orElseThrow();
        LocalHub.Request verified = hub.verified(callback);
        assertThat(verified.hubPath()).isEqualTo("/hub");
        assertThat(verified.callback()).isNotEqualTo(denied.callback());
        assertThat(verified.form().get("hub.secret")).isNotEqualTo(denied.form().get("hub.secret"));
        Await.until("the first item of " + TWO_HUBS, WAIT, () -> articlesOf(TWO_HUBS) == 1);
        int polls = feeds.requests("/" + TWO_HUBS + ".xml").size();

        // When the second hub pushes a new item, signed
        newestTwoHubs.set(2);
        assertThat(hub.publish(callback, atom(TWO_HUBS, 2, ""), "sha256")).isEqualTo(200);

        // Then it is published once, without a poll
        Await.until("the item pushed by the second hub", WAIT, () -> articlesOf(TWO_HUBS) == 2);
        assertThat(feeds.requests("/" + TWO_HUBS + ".xml")).hasSize(polls);
        assertThat(health(TWO_HUBS).webSub()).contains("1 delivery");
        assertThat(TopicCounts.perKey(settings, Topics.ARTICLES.name()).values()).allMatch(n -> n == 1);
    }

    private static boolean pushed(String feedId) {
        FeedHealth h = health(feedId);
        return h.webSub() != null && h.webSub().startsWith("active") && h.pollReason() != null
                && h.pollReason().startsWith("ceiling 60 min (WebSub: pushed by " + hub.url("/hub"));
    }

    private static FeedHealth health(String feedId) {
        return service.health().stream().filter(h -> h.feedId().equals(feedId)).findFirst().orElseThrow();
    }

    /** Articles published, those of {@link #TWO_HUBS} left out (its test runs in any order with the others). */
    private static int articles() {
        return TopicCounts.total(settings, Topics.ARTICLES.name()) - articlesOf(TWO_HUBS);
    }

    private static int articlesOf(String feedId) {
        String topic = Topics.ARTICLES.name();
        JsonSerde<ArticleEvent> serde = new JsonSerde<>(ArticleEvent.class, topic);
        AtomicInteger n = new AtomicInteger();
        try {
            TopicScanner.scan(settings, topic, Duration.ofSeconds(20), (k, v) -> {
                if (serde.deserialize(topic, v).feedId().equals(feedId)) {
                    n.incrementAndGet();
                }
            });
        } catch (StateUnavailableException e) {
            return -1;
        }
        return n.get();
    }

    private static String feedList(List<String> ids) {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (String id : ids) {
            yaml.append("  - {id: ").append(id).append(", url: \"").append(feeds.url("/" + id + ".xml"))
                    .append("\", interval: PT2S, minInterval: PT1S, maxInterval: PT1H}\n");
        }
        return yaml.toString();
    }

    private static byte[] atom(String feed, int newest, String links) {
        StringBuilder xml = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" + feed
                + "</title><id>urn:" + feed + "</id>" + links + "<updated>2026-01-01T00:00:00Z</updated>");
        for (int n = newest; n >= 1; n--) {
            xml.append("<entry><id>urn:").append(feed).append(':').append(n).append("</id><title>").append(feed)
                    .append(" item ").append(n).append("</title><link href=\"https://").append(feed)
                    .append(".example/items/").append(n).append("\"/><updated>2026-01-01T00:0").append(n)
                    .append(":00Z</updated><summary>Text ").append(n).append("</summary></entry>");
        }
        return xml.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
