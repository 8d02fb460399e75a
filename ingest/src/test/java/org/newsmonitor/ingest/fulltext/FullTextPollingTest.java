package org.newsmonitor.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.ingest.FeedHealth;
import org.newsmonitor.ingest.FeedStatus;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.feed.FullTextOption;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.poll.BackoffPolicy;
import org.newsmonitor.ingest.poll.FeedPoller;
import org.newsmonitor.ingest.poll.FeedRuntime;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.poll.PollOutcome;
import org.newsmonitor.ingest.poll.PollingPolicy;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.InMemoryKafka;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

/** Teaser items polled from a local feed, their pages served by the same local server. */
class FullTextPollingTest {
    private static final String RSS = "application/rss+xml";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEASER = "Freight trains carried twice as much cargo as a year ago. Read more";
    private static final BackoffPolicy NO_JITTER = new BackoffPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 0.0,
            3, Duration.ofSeconds(5));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final InMemoryKafka kafka = new InMemoryKafka();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private FeedServer server;

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.start();
    }

    @AfterEach
    void stop() {
        stopped.countDown();
        server.close();
    }

    @Test
    void shouldPublishATeaserItemWithItsPagesTextAndTextSourcePage() {
        // Given a feed with a teaser item and a whole one, the teaser's page on the local server
        server.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        String whole = "The border railway operator published its figures on Tuesday in full detail. ".repeat(8);
        serveFeed(item(1, "Rail freight across the Amur doubles", TEASER), item(2, "Figures in full", whole));
        FeedRuntime feed = feed(FullTextOption.AUTO);
        // When polled
        PollOutcome outcome = poller(feed, Duration.ofSeconds(10)).poll(feed);
        // Then both are published; the teaser with the page's main text, said to come from the page
        assertThat(outcome.published()).isEqualTo(2);
        ArticleEvent teaser = article("/a/1");
        assertThat(teaser.textSource()).isEqualTo(ArticleEvent.TEXT_PAGE);
        assertThat(teaser.content()).contains("Freight trains crossing the Amur river bridge")
                .contains("volatile since the spring").doesNotContain("We use cookies", "Interesting numbers");
        assertThat(teaser.summary()).isEqualTo(TEASER);
        // the whole item keeps its own text, and its page is not fetched
        ArticleEvent kept = article("/a/2");
        assertThat(kept.textSource()).isEqualTo(ArticleEvent.TEXT_FEED);
        assertThat(server.requests("/a/2")).isEmpty();
        // and the outcome is counted in the feed's committed state and health, and survives a restart
        assertThat(kafka.state("news").fullTextOutcomes()).isEqualTo(Map.of("page", 1L));
        FeedRuntime restarted = new FeedRuntime(feed.definition());
        restarted.restore(kafka.state("news"));
        assertThat(restarted.fullTextOutcomes()).isEqualTo(Map.of("page", 1L));
    }

    @Test
    void shouldPublishItemsWhosePagesFailWithTheFeedsTextAndCountWhy() {
        // Given teaser items whose pages are: disallowed by robots.txt, a server error, not HTML, hostile
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n"
                .getBytes(StandardCharsets.UTF_8));
        server.on("/a/2", ex -> FeedServer.respond(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8)));
        server.serve("/a/3", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        server.serve("/a/4", HTML, Pages.nested(5_000).getBytes(StandardCharsets.UTF_8));
        serveFeed(itemAt("/private/1", "Members only", TEASER), item(2, "Server error", TEASER),
                item(3, "A PDF", TEASER), item(4, "Deep page", TEASER));
        FeedRuntime feed = feed(FullTextOption.AUTO);
        // When polled
        PollOutcome outcome = poller(feed, Duration.ofSeconds(10)).poll(feed);
        // Then every item is published, with the feed's text
        assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.FETCHED);
        assertThat(kafka.articles()).hasSize(4).allSatisfy(a -> {
            assertThat(a.textSource()).isEqualTo(ArticleEvent.TEXT_FEED);
            assertThat(a.summary()).isEqualTo(TEASER);
            assertThat(a.content()).isNull();
        });
        assertThat(server.requests("/private/1")).isEmpty();
        // and each reason is counted for the feed, which stays healthy
        assertThat(kafka.state("news").fullTextOutcomes()).isEqualTo(Map.of("robots", 1L, "http-status", 1L,
                "not-html", 1L, "hostile", 1L));
        assertThat(feed.consecutiveFailures()).isZero();
        FeedHealth health = new FeedHealth("news", "News", feed.url().toString(), "en", List.of(), FeedStatus.OK,
                null, null, null, 0, null, 4, null, null, null, feed.fullTextOutcomes());
        assertThat(health.describe()).contains("full text: hostile 1, http-status 1, not-html 1, robots 1");
    }

    @Test
    void shouldNotStallThePollOnASlowPage() {
        // Given two teaser items, the first one's page dripping a byte every 200 ms, and a poll budget of 1 s
        server.on("/a/1", ex -> {
            ex.getResponseHeaders().add("Content-Type", HTML);
            ex.sendResponseHeaders(200, 50_000);
            OutputStream out = ex.getResponseBody();
            try {
                while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.serve("/a/2", HTML, Pages.bytes("en-article.html"));
        serveFeed(item(1, "Slow page", TEASER), item(2, "Next page", TEASER));
        FeedRuntime feed = feed(FullTextOption.AUTO);
        // When polled
        long start = System.nanoTime();
        PollOutcome outcome = poller(feed, Duration.ofSeconds(1)).poll(feed);
        // Then the poll ends soon after its budget, both items published with the feed's text
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(outcome.published()).isEqualTo(2);
        assertThat(kafka.articles()).allSatisfy(a -> assertThat(a.textSource()).isEqualTo(ArticleEvent.TEXT_FEED));
        assertThat(kafka.state("news").fullTextOutcomes()).isEqualTo(Map.of("timeout", 1L, "poll-budget", 1L));
    }

    @Test
    void shouldFetchNoPageForAFeedThatTurnsFullTextOff() {
        server.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        serveFeed(item(1, "Rail freight", TEASER));
        FeedRuntime feed = feed(new FullTextOption(FullTextOption.Mode.OFF, null));
        poller(feed, Duration.ofSeconds(10)).poll(feed);
        assertThat(kafka.articles()).singleElement().extracting(ArticleEvent::textSource)
                .isEqualTo(ArticleEvent.TEXT_FEED);
        assertThat(server.requests("/a/1")).isEmpty();
        assertThat(kafka.state("news").fullTextOutcomes()).isEmpty();
    }

    @Test
    void shouldUseTheFeedsSelector() {
        server.serve("/a/1", HTML, Pages.bytes("selector-article.html"));
        serveFeed(item(1, "Harbin ice festival opens", "Record crowds on the first day."));
        FeedRuntime feed = feed(new FullTextOption(FullTextOption.Mode.AUTO, "div.s7"));
        poller(feed, Duration.ofSeconds(10)).poll(feed);
        assertThat(kafka.articles()).singleElement().satisfies(a -> {
            assertThat(a.textSource()).isEqualTo(ArticleEvent.TEXT_PAGE);
            assertThat(a.content()).contains("Sculptors worked").doesNotContain("Reader note");
        });
    }

    private ArticleEvent article(String path) {
        return kafka.articles().stream().filter(a -> a.url().endsWith(path)).findFirst().orElseThrow();
    }

    private String item(int n, String title, String description) {
        return itemAt("/a/" + n, title, description);
    }

    private String itemAt(String path, String title, String description) {
        return "<item><title>" + title + "</title><link>" + server.url(path) + "</link><guid>" + path
                + "</guid><description>" + description + "</description>"
                + "<pubDate>Sun, 01 Jun 2025 11:00:00 GMT</pubDate></item>";
    }

    private void serveFeed(String... items) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>News</title>"
                + "<link>" + server.url("/") + "</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
        server.serve("/feed.xml", RSS, xml.getBytes(StandardCharsets.UTF_8));
    }

    private FeedRuntime feed(FullTextOption fullText) {
        return new FeedRuntime(new FeedDefinition("news", server.url("/feed.xml"), "News", "en", List.of(),
                Duration.ofMinutes(15), ZoneId.of("UTC"), null, null, fullText));
    }

    private FeedPoller poller(FeedRuntime feed, Duration pollBudget) {
        HttpLimits limits = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(server.hostPort())));
        FeedFetcher fetcher = new FeedFetcher(limits, guard, clock);
        FullTextSettings settings = FullTextSettings.defaults().withLimits(limits.withMaxBodyBytes(256 * 1024),
                pollBudget);
        FullTextEnricher fullText = new FullTextEnricher(settings, guard, new HostLimiter(2), clock);
        return new FeedPoller(fetcher, kafka, kafka, List.of(feed), NO_JITTER, PollingPolicy.defaults(), fullText,
                100, clock, new SplittableRandom(7));
    }
}
