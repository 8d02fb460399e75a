package org.newsmonitor.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.ingest.Fixtures;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.fetch.Validators;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.InMemoryKafka;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.ingest.testing.TestFeeds;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

class FeedPollerTest {
    private static final String RSS = "application/rss+xml";
    private static final BackoffPolicy NO_JITTER = new BackoffPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 0.0, 3,
            Duration.ofSeconds(5));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final InMemoryKafka kafka = new InMemoryKafka();
    private FeedServer server;
    private FeedServer canary;

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.start();
        canary = FeedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        canary.close();
    }

    @Test
    void shouldScheduleAnAdaptiveFeedFromItsItemsAndKeepTheirTimesInItsState() {
        // Given an adaptive feed whose items came a minute apart until now, served with a max-age of 10 minutes
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Cache-Control", "public, max-age=600");
            FeedServer.respond(ex, 200, RSS, TestFeeds.rss(691, 720));
        });
        FeedRuntime feed = new FeedRuntime(new FeedDefinition("test-feed", server.url("/feed.xml"), "Test", "en",
                List.of(), Duration.ofMinutes(30), ZoneId.of("UTC"), Duration.ofMinutes(2), Duration.ofHours(3)));
        // When polled
        PollOutcome outcome = poller(feed).poll(feed);
        // Then the item times are in the committed state, and the next poll waits for max-age, saying so
        var state = kafka.state("test-feed");
        assertThat(state.recentItemTimes()).hasSize(30).first().isEqualTo(Instant.parse("2025-06-01T11:31:00Z"));
        assertThat(state.hourlyActivity()).hasSize(24);
        assertThat(state.pollReason()).isEqualTo("max-age 600 s");
        assertThat(state.pollIntervalSeconds()).isEqualTo(600L);
        assertThat(outcome.nextPollAt()).isEqualTo(clock.instant().plusSeconds(600));
        // and a restarted ingester takes the history over from the state
        FeedRuntime restarted = new FeedRuntime(feed.definition());
        restarted.restore(state);
        assertThat(restarted.history()).isEqualTo(feed.history());
        assertThat(restarted.pollReason()).isEqualTo("max-age 600 s");
    }

    @Test
    void shouldHonourMaxAgeOnNotModified() {
        server.on("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("Cache-Control", "max-age=1200");
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 2));
        });
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        PollOutcome second = poller.poll(feed);
        assertThat(second.kind()).isEqualTo(PollOutcome.Kind.NOT_MODIFIED);
        assertThat(second.nextPollAt()).isEqualTo(clock.instant().plusSeconds(1200));
        assertThat(feed.pollReason()).isEqualTo("max-age 1200 s");
    }

    @Test
    void shouldSayWhyAFailingFeedWaits() {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "300");
            FeedServer.respond(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
        FeedRuntime feed = feed("/feed.xml");
        poller(feed).poll(feed);
        assertThat(feed.pollReason()).isEqualTo("Retry-After until 2025-06-01T12:05:00Z");
        assertThat(kafka.state("test-feed").pollReason()).isEqualTo("Retry-After until 2025-06-01T12:05:00Z");
    }

    @Test
    void shouldPublishNewItemsInPublicationOrderAndNothingWhenPolledAgain() {
        // Given a feed with three items
        server.serve("/feed.xml", RSS, TestFeeds.rss(1, 3));
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        // When polled twice
        PollOutcome first = poller.poll(feed);
        PollOutcome second = poller.poll(feed);
        // Then every item is published once, oldest first, and the second poll publishes nothing
        assertThat(first.published()).isEqualTo(3);
        assertThat(second.published()).isZero();
        assertThat(kafka.articles()).extracting(ArticleEvent::url)
                .containsExactly(TestFeeds.itemUrl(1), TestFeeds.itemUrl(2), TestFeeds.itemUrl(3));
        assertThat(kafka.state("test-feed").seenIds()).hasSize(3);
        assertThat(first.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldPublishOnlyTheNewItemWhenTheFeedGrows() {
        AtomicInteger newest = new AtomicInteger(3);
        server.on("/feed.xml", ex -> FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, newest.get())));
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        newest.set(4);
        assertThat(poller.poll(feed).published()).isEqualTo(1);
        assertThat(kafka.articles()).hasSize(4).last().extracting(ArticleEvent::url).isEqualTo(TestFeeds.itemUrl(4));
    }

    @Test
    void shouldSendValidatorsAndPublishNothingOn304() {
        // Given a server with ETag support
        server.on("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Sun, 01 Jun 2025 11:00:00 GMT");
            FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 2));
        });
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        // When
        PollOutcome second = poller.poll(feed);
        // Then
        assertThat(second.kind()).isEqualTo(PollOutcome.Kind.NOT_MODIFIED);
        assertThat(kafka.articles()).hasSize(2);
        assertThat(server.requests("/feed.xml").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.requests("/feed.xml").get(1).header("If-Modified-Since"))
                .isEqualTo("Sun, 01 Jun 2025 11:00:00 GMT");
        assertThat(feed.validators()).isEqualTo(new Validators("\"v1\"", "Sun, 01 Jun 2025 11:00:00 GMT"));
    }

    @Test
    void shouldPublishNothingForANewEtagWithTheSameBody() {
        AtomicInteger version = new AtomicInteger();
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("ETag", "\"v" + version.incrementAndGet() + "\"");
            FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 2));
        });
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        assertThat(poller.poll(feed).published()).isZero();
        assertThat(feed.validators().etag()).isEqualTo("\"v2\"");
    }

    @Test
    void shouldNotAdvanceValidatorsWhenTheNewBodyIsBroken() {
        // Given a good first fetch, then a truncated body under a new ETag
        AtomicReference<byte[]> body = new AtomicReference<>(TestFeeds.rss(1, 2));
        AtomicReference<String> etag = new AtomicReference<>("\"good\"");
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("ETag", etag.get());
            FeedServer.respond(ex, 200, RSS, body.get());
        });
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        body.set(Fixtures.bytes("truncated.xml"));
        etag.set("\"broken\"");
        // When
        PollOutcome outcome = poller.poll(feed);
        // Then no partial items, validators unchanged, the error names URL, reason and position
        assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.FAILED);
        assertThat(outcome.reason()).startsWith(server.url("/feed.xml") + ": malformed XML: ").contains("at line 4");
        assertThat(kafka.articles()).hasSize(2);
        assertThat(feed.validators().etag()).isEqualTo("\"good\"");
        assertThat(kafka.state("test-feed").etag()).isEqualTo("\"good\"");
        assertThat(feed.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void shouldRememberAPermanentRedirectAndResolveRelativeLinksAgainstTheFinalUrl() {
        // Given a 301 in front of a feed with a relative link
        server.redirect("/old.xml", 301, "/news/new.xml").serve("/news/new.xml", RSS,
                Fixtures.bytes("rss20_namespaces.xml"));
        FeedRuntime feed = feed("/old.xml");
        FeedPoller poller = poller(feed);
        // When
        poller.poll(feed);
        poller.poll(feed);
        // Then the second poll goes straight to the new URL, and the relative link resolved against it
        assertThat(feed.url()).isEqualTo(server.url("/news/new.xml"));
        assertThat(kafka.state("test-feed").url()).isEqualTo(server.url("/news/new.xml").toString());
        assertThat(server.requests("/old.xml")).hasSize(1);
        assertThat(kafka.articles()).extracting(ArticleEvent::url)
                .contains("http://127.0.0.1:" + server.port() + "/news/relative-story");
    }

    @Test
    void shouldHonourRetryAfterUsingTheInjectedClock() {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "7200");
            ex.sendResponseHeaders(429, -1);
        });
        FeedRuntime feed = feed("/feed.xml");
        PollOutcome outcome = poller(feed).poll(feed);
        assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.FAILED);
        assertThat(outcome.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        assertThat(feed.lastError()).contains("HTTP 429");
    }

    @Test
    void shouldBackOffExponentiallyOnServerErrorsAndRecover() {
        AtomicInteger status = new AtomicInteger(500);
        server.on("/feed.xml", ex -> {
            if (status.get() == 200) {
                FeedServer.respond(ex, 200, RSS, TestFeeds.rss(1, 1));
            } else {
                ex.sendResponseHeaders(status.get(), -1);
            }
        });
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        // When it fails three times, the clock moving to each due time
        for (int minutes : new int[] {1, 2, 4}) {
            Instant before = clock.instant();
            PollOutcome outcome = poller.poll(feed);
            // Then each delay doubles
            assertThat(outcome.nextPollAt()).isEqualTo(before.plus(Duration.ofMinutes(minutes)));
            clock.advance(Duration.ofMinutes(minutes));
        }
        assertThat(feed.consecutiveFailures()).isEqualTo(3);
        assertThat(kafka.state("test-feed").consecutiveFailures()).isEqualTo(3);
        assertThat(kafka.state("test-feed").lastError()).isEqualTo(server.url("/feed.xml") + ": HTTP 500");
        // And a success resets the count
        status.set(200);
        poller.poll(feed);
        assertThat(feed.consecutiveFailures()).isZero();
    }

    @Test
    void shouldDisableAFeedThatIsGone() {
        server.on("/feed.xml", ex -> ex.sendResponseHeaders(410, -1));
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        poller.poll(feed);
        assertThat(feed.disabled()).isTrue();
        assertThat(kafka.state("test-feed").disabled()).isTrue();
        assertThat(poller.poll(feed).kind()).isEqualTo(PollOutcome.Kind.DISABLED);
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    void shouldHoldItemsBackWhileKafkaIsDownAndPublishThemOnceWhenItReturns() {
        // Given Kafka is down
        server.serve("/feed.xml", RSS, TestFeeds.rss(1, 3));
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        kafka.down(true);
        // When polled
        PollOutcome during = poller.poll(feed);
        // Then nothing is marked seen and a retry is scheduled soon
        assertThat(during.kind()).isEqualTo(PollOutcome.Kind.KAFKA_UNAVAILABLE);
        assertThat(during.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(5)));
        assertThat(feed.seenIds()).isEmpty();
        assertThat(feed.kafkaUnavailable()).isTrue();
        // When Kafka returns, every item is published exactly once
        kafka.down(false);
        assertThat(poller.poll(feed).published()).isEqualTo(3);
        assertThat(poller.poll(feed).published()).isZero();
        assertThat(kafka.articles()).hasSize(3);
    }

    @Test
    void shouldNotRepublishWhenACommitSucceededButItsAcknowledgementWasLost() {
        // Given a publish that committed although the call failed
        server.serve("/feed.xml", RSS, TestFeeds.rss(1, 3));
        FeedRuntime feed = feed("/feed.xml");
        FeedPoller poller = poller(feed);
        kafka.loseNextAcknowledgement();
        assertThat(poller.poll(feed).kind()).isEqualTo(PollOutcome.Kind.KAFKA_UNAVAILABLE);
        // When polled again
        PollOutcome again = poller.poll(feed);
        // Then the committed state was re-read and nothing is published twice
        assertThat(again.published()).isZero();
        assertThat(kafka.articles()).hasSize(3);
    }

    @Test
    void shouldRefuseAnXxeFeedWithoutTouchingThePrivateCanaryAndKeepPollingOthers() {
        // Given an XXE document pointing at the canary, and a normal feed
        String xxe = Fixtures.text("xxe_oob.xml").replace("__OOB_PORT__", String.valueOf(canary.port()));
        server.serve("/xxe.xml", RSS, xxe.getBytes(StandardCharsets.UTF_8));
        server.serve("/ok.xml", RSS, TestFeeds.rss(1, 1));
        FeedRuntime hostile = feed("/xxe.xml");
        FeedRuntime normal = new FeedRuntime(new FeedDefinition("ok-feed", server.url("/ok.xml"), "OK", "en", List.of(),
                Duration.ofMinutes(15), ZoneId.of("UTC")));
        FeedPoller poller = poller(hostile, normal);
        // When
        PollOutcome refused = poller.poll(hostile);
        PollOutcome ok = poller.poll(normal);
        // Then
        assertThat(refused.reason()).contains(server.url("/xxe.xml").toString()).contains("DOCTYPE not allowed");
        assertThat(canary.hits()).isZero();
        assertThat(ok.published()).isEqualTo(1);
    }

    @Test
    void shouldPublishTenThousandItemsOnceAndNothingOnTheNextPolls() {
        // Given a feed with 10,000 items
        server.serve("/big.xml", RSS, TestFeeds.rss(1, 10_000));
        FeedRuntime feed = feed("/big.xml");
        FeedPoller poller = poller(feed);
        // When polled three times
        int first = poller.poll(feed).published();
        int second = poller.poll(feed).published();
        int third = poller.poll(feed).published();
        // Then every id is remembered although the configured bound is 100, and nothing is republished
        assertThat(first).isEqualTo(10_000);
        assertThat(second).isZero();
        assertThat(third).isZero();
        assertThat(kafka.state("test-feed").seenIds()).hasSize(10_000);
        assertThat(kafka.articles()).extracting(ArticleEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldDropLinksThatAreNotHttp() {
        server.serve("/xss.xml", RSS, ("<rss version=\"2.0\"><channel><title>x</title><link>https://x.example/</link>"
                + "<description>d</description><item><title>&lt;script&gt;alert(1)&lt;/script&gt;Title</title>"
                + "<link>javascript:alert(1)</link><guid isPermaLink=\"false\">xss-1</guid>"
                + "<description>&lt;img src=x onerror=alert(1)&gt;text</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8));
        FeedRuntime feed = feed("/xss.xml");
        poller(feed).poll(feed);
        assertThat(kafka.articles()).singleElement().satisfies(a -> {
            assertThat(a.url()).isNull();
            assertThat(a.title()).isEqualTo("Title");
            assertThat(a.summary()).isEqualTo("text");
        });
    }

    @Test
    void shouldSayWhichFeedServedAnHtmlPage() {
        server.serve("/page.xml", RSS, Fixtures.bytes("html_page.html"));
        FeedRuntime feed = feed("/page.xml");
        assertThat(poller(feed).poll(feed).reason())
                .isEqualTo(server.url("/page.xml") + ": not a feed (HTML page)");
    }

    @Test
    void shouldReadAnRss091FeedWithTheNetscapeDoctypeWithoutFetchingItsDtdAndMarkItRecovered() {
        // Given an RSS 0.91 feed whose DOCTYPE points at a DTD on the canary server
        String rss091 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE rss PUBLIC "
                + "\"-//Netscape Communications//DTD RSS 0.91//EN\" \"" + canary.url("/rss-0.91.dtd") + "\">\n"
                + "<rss version=\"0.91\"><channel><title>Old port</title><link>https://old.example/</link>"
                + "<description>d</description><language>en</language><item><title>Caf&eacute; on the quay</title>"
                + "<link>https://old.example/cafe</link></item></channel></rss>";
        server.serve("/rss091.xml", "text/xml", rss091.getBytes(StandardCharsets.ISO_8859_1));
        FeedRuntime feed = feed("/rss091.xml");
        // When
        PollOutcome outcome = poller(feed).poll(feed);
        // Then the item is published, marked as read from a repaired feed, and the DTD was never requested
        assertThat(outcome.published()).isEqualTo(1);
        assertThat(kafka.articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Café on the quay");
            assertThat(a.recovered()).isTrue();
        });
        assertThat(canary.hits()).isZero();
    }

    @Test
    void shouldReadAnUndeclaredWindows1251FeedServedWithoutACharset() {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Порт</title>"
                + "<link>https://port.example/</link><description>d</description><item>"
                + "<title>Паром через Амур снова ходит по расписанию</title><link>https://port.example/1</link>"
                + "<description>Первый рейс после ледохода перевёз сорок машин и автобус с пассажирами.</description>"
                + "</item></channel></rss>";
        server.serve("/ru.xml", "text/xml", xml.getBytes(java.nio.charset.Charset.forName("windows-1251")));
        FeedRuntime feed = feed("/ru.xml");
        poller(feed).poll(feed);
        assertThat(kafka.articles()).singleElement().extracting(ArticleEvent::title)
                .isEqualTo("Паром через Амур снова ходит по расписанию");
    }

    @Test
    void shouldPublishTheLastVersionOfAnItemRepeatedInOneDocument() {
        String xml = "<rss version=\"2.0\"><channel><title>Port</title><link>https://port.example/</link>"
                + "<description>d</description>"
                + "<item><title>Ferry late</title><link>https://port.example/f</link><guid>f-1</guid></item>"
                + "<item><title>Ferry late by two hours</title><link>https://port.example/f</link><guid>f-1</guid></item>"
                + "</channel></rss>";
        server.serve("/repeat.xml", RSS, xml.getBytes(StandardCharsets.UTF_8));
        FeedRuntime feed = feed("/repeat.xml");
        assertThat(poller(feed).poll(feed).published()).isEqualTo(1);
        assertThat(kafka.articles()).singleElement().extracting(ArticleEvent::title)
                .isEqualTo("Ferry late by two hours");
    }

    private FeedRuntime feed(String path) {
        return new FeedRuntime(new FeedDefinition("test-feed", server.url(path), "Test", "en", List.of("test"),
                Duration.ofMinutes(15), ZoneId.of("UTC")));
    }

    private FeedPoller poller(FeedRuntime... feeds) {
        HttpLimits limits = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        FeedFetcher fetcher = new FeedFetcher(limits, new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(server.hostPort()))), clock);
        return new FeedPoller(fetcher, kafka, kafka, List.of(feeds), NO_JITTER, 100, clock, new SplittableRandom(7));
    }
}
