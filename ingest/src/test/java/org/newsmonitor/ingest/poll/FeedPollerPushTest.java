package org.newsmonitor.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.InMemoryKafka;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.ingest.testing.TestFeeds;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

/** Pushed documents (WebSub) take the poll's path: same de-duplication and publisher, the next poll left alone. */
class FeedPollerPushTest {
    private static final String RSS = "application/rss+xml";
    private static final BackoffPolicy NO_JITTER = new BackoffPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 0.0, 3,
            Duration.ofSeconds(5));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final InMemoryKafka kafka = new InMemoryKafka();
    private final List<String> advertised = new ArrayList<>();
    private FeedServer server;
    private volatile String pushedBy;

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldPublishOnlyPushedItemsNotSeenBeforeAndKeepTheNextPoll() {
        // Given a feed polled once with items 1..3
        server.on("/feed.xml", ex -> FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 3)));
        FeedRuntime feed = adaptiveFeed();
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        Instant nextPoll = feed.nextPollAt();
        // When the hub pushes items 3..5, and then the same document again
        clock.advance(Duration.ofSeconds(30));
        PollOutcome first = poller.pushed(feed, TestFeeds.rss(3, 5), RSS);
        PollOutcome again = poller.pushed(feed, TestFeeds.rss(3, 5), RSS);
        // Then only items 4 and 5 are new, once, and the next poll has not moved
        assertThat(first.kind()).isEqualTo(PollOutcome.Kind.FETCHED);
        assertThat(first.published()).isEqualTo(2);
        assertThat(again.published()).isZero();
        assertThat(kafka.articles()).extracting(ArticleEvent::url).containsExactly(TestFeeds.itemUrl(1),
                TestFeeds.itemUrl(2), TestFeeds.itemUrl(3), TestFeeds.itemUrl(4), TestFeeds.itemUrl(5));
        assertThat(feed.nextPollAt()).isEqualTo(nextPoll);
        assertThat(kafka.state("test-feed").seenIds()).hasSize(5);
        // and a later poll of the feed with items 1..5 finds nothing new
        server.on("/feed.xml", ex -> FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 5)));
        assertThat(poller.poll(feed).published()).isZero();
        assertThat(kafka.articles()).hasSize(5);
    }

    @Test
    void shouldRefuseAPushedDocumentThatIsNotAFeedWithoutFailingTheFeed() {
        server.on("/feed.xml", ex -> FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 1)));
        FeedRuntime feed = adaptiveFeed();
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        PollOutcome outcome = poller.pushed(feed, "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html");
        assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.FAILED);
        assertThat(outcome.reason()).startsWith("pushed document: ");
        assertThat(feed.consecutiveFailures()).isZero();
        assertThat(feed.lastError()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"billion_laughs.xml", "quadratic_blowup.xml", "xxe_oob.xml"})
    void shouldRefuseAHostileXmlDocumentPushedWithAValidSignatureQuicklyAndKeepTheFeed(String fixture) {
        server.on("/feed.xml", ex -> FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 1)));
        FeedRuntime feed = adaptiveFeed();
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        long start = System.nanoTime();
        PollOutcome outcome = poller.pushed(feed, org.newsmonitor.ingest.Fixtures.bytes(fixture), RSS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.FAILED);
        assertThat(outcome.reason()).startsWith("pushed document: ");
        assertThat(feed.lastError()).isNull();
        // the next genuine push is published
        assertThat(poller.pushed(feed, TestFeeds.rss(1, 2), RSS).published()).isEqualTo(1);
    }

    @Test
    void shouldTellPushWhatTheFeedAdvertisesAndPollAPushedFeedAtItsCeiling() {
        // Given a feed that names its hub in a Link header and in the document
        byte[] atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>
                  <link rel="hub" href="https://doc-hub.example/"/>
                  <entry><id>urn:1</id><title>One</title><updated>2025-06-01T11:00:00Z</updated></entry>
                </feed>""".getBytes(StandardCharsets.UTF_8);
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Link", "<https://header-hub.example/>; rel=\"hub\"");
            FeedServer.respond(ex, 200, "application/atom+xml", atom);
        });
        FeedRuntime feed = adaptiveFeed();
        FeedPoller poller = poller(feed);
        // When polled without push, then polled while its hub pushes it
        poller.poll(feed);
        assertThat(feed.pollInterval()).isEqualTo(Duration.ofMinutes(30));
        pushedBy = "WebSub: pushed by https://header-hub.example/";
        poller.poll(feed);
        // Then both polls told push what they saw, and the second is relaxed to the ceiling, saying why
        assertThat(advertised).containsExactly(
                "test-feed [https://doc-hub.example/] <https://header-hub.example/>; rel=\"hub\"",
                "test-feed [https://doc-hub.example/] <https://header-hub.example/>; rel=\"hub\"");
        assertThat(feed.pollInterval()).isEqualTo(Duration.ofHours(3));
        assertThat(feed.pollReason()).isEqualTo("ceiling 3 h (WebSub: pushed by https://header-hub.example/)");
        assertThat(feed.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofHours(3)));
    }

    private FeedRuntime adaptiveFeed() {
        return new FeedRuntime(new FeedDefinition("test-feed", server.url("/feed.xml"), "Test", "en", List.of(),
                Duration.ofMinutes(30), ZoneId.of("UTC"), Duration.ofMinutes(2), Duration.ofHours(3)));
    }

    private FeedPoller poller(FeedRuntime... feeds) {
        HttpLimits limits = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        FeedFetcher fetcher = new FeedFetcher(limits, new SsrfGuard(Resolver.SYSTEM,
                AddressAllowList.of(List.of(server.hostPort()))), clock);
        FeedPoller poller = new FeedPoller(fetcher, kafka, kafka, List.of(feeds), NO_JITTER, PollingPolicy.defaults(),
                100, clock, new SplittableRandom(7));
        poller.push(new FeedPush() {
            @Override
            public void fetched(String feedId, URI fetchedFrom, ParsedFeed parsed, List<String> linkHeaders) {
                advertised.add(feedId + " " + parsed.hubs() + " " + String.join(",", linkHeaders));
            }

            @Override
            public String relaxedBecause(String feedId) {
                return pushedBy;
            }
        });
        return poller;
    }
}
