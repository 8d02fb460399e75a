package org.newsmonitor.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

class ArticlePageFetcherTest {
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEASER = "Trains carried twice as much cargo.";
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private FeedServer server;
    private FeedServer canary;
    private ArticlePageFetcher pages;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.start();
        canary = FeedServer.start();
        pages = fetcher(100);
    }

    @AfterEach
    void stop() {
        stopped.countDown();
        server.close();
        canary.close();
    }

    private ArticlePageFetcher fetcher(int pagesPerHour) {
        HttpLimits limits = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2)).withMaxBodyBytes(64 * 1024);
        SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(server.hostPort())));
        return new ArticlePageFetcher(new FeedFetcher(limits, guard, clock), new HostLimiter(2),
                new HostLimiter(2, pagesPerHour), clock);
    }

    private PageResult fetch(String path) {
        return pages.fetch(server.url(path), null, TEASER, null, TEN_SECONDS);
    }

    @Test
    void shouldExtractTheArticleTextOfALocalPage() {
        server.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        PageResult result = fetch("/a/1");
        assertThat(result.outcome()).isEqualTo(PageOutcome.PAGE);
        assertThat(result.text()).contains("Freight trains crossing the Amur").doesNotContain("We use cookies");
        assertThat(server.requests("/a/1").get(0).header("Accept")).startsWith("text/html");
        assertThat(server.requests("/a/1").get(0).header("User-Agent")).startsWith("news-monitor/");
    }

    @Test
    void shouldDecodeAPageWhoseCharsetOnlyItsMetaTagDeclares() {
        server.serve("/ru/1", "text/html", Pages.bytes("ru-article.html"));
        assertThat(fetch("/ru/1").text()).contains("Пассажирская паромная переправа");
    }

    @Test
    void shouldFallBackToThePagesOwnDeclarationWhenTheHttpCharsetIsUnknown() {
        server.serve("/zh/1", "text/html; charset=x-no-such-charset", Pages.bytes("zh-article.html"));
        PageResult result = fetch("/zh/1");
        assertThat(result.outcome()).isEqualTo(PageOutcome.PAGE);
        assertThat(result.text()).contains("满洲里口岸");
    }

    @Test
    void shouldRespectRobotsTxtAndReadItOncePerSite() {
        server.serve("/robots.txt", "text/plain", ("User-agent: news-monitor\nDisallow: /members/\n\n"
                + "User-agent: *\nDisallow: /\n").getBytes(StandardCharsets.UTF_8));
        server.serve("/members/1", HTML, Pages.bytes("en-article.html"));
        server.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        // When a disallowed and an allowed page are fetched
        PageResult refused = fetch("/members/1");
        PageResult allowed = fetch("/a/1");
        // Then the disallowed one is never requested, and robots.txt was read once
        assertThat(refused.outcome()).isEqualTo(PageOutcome.ROBOTS);
        assertThat(refused.detail()).contains("robots.txt disallows /members/1");
        assertThat(server.requests("/members/1")).isEmpty();
        assertThat(allowed.outcome()).isEqualTo(PageOutcome.PAGE);
        assertThat(server.requests("/robots.txt")).hasSize(1);
    }

    @Test
    void shouldLeaveASiteAloneWhileItsRobotsTxtFails() {
        server.on("/robots.txt", ex -> FeedServer.respond(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        server.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        PageResult first = fetch("/a/1");
        PageResult second = fetch("/a/1");
        assertThat(first.outcome()).isEqualTo(PageOutcome.ROBOTS);
        assertThat(second.outcome()).isEqualTo(PageOutcome.ROBOTS);
        assertThat(server.requests("/a/1")).isEmpty();
        assertThat(server.requests("/robots.txt")).hasSize(1);
        // and after the pause it is asked again
        clock.advance(RobotsCache.UNREACHABLE_TTL.plusSeconds(1));
        fetch("/a/1");
        assertThat(server.requests("/robots.txt")).hasSize(2);
    }

    @Test
    void shouldReadRobotsTxtAgainWithAConditionalGetWhenItExpires() {
        server.on("/robots.txt", ex -> {
            if ("\"r1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"r1\"");
            FeedServer.respond(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"
                    .getBytes(StandardCharsets.UTF_8));
        });
        server.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        assertThat(fetch("/a/1").outcome()).isEqualTo(PageOutcome.PAGE);
        clock.advance(RobotsCache.RULES_TTL.plusMinutes(1));
        // When the rules have expired, a 304 keeps them
        assertThat(fetch("/private/2").outcome()).isEqualTo(PageOutcome.ROBOTS);
        List<FeedServer.Request> robots = server.requests("/robots.txt");
        assertThat(robots).hasSize(2);
        assertThat(robots.get(1).header("If-None-Match")).isEqualTo("\"r1\"");
    }

    @Test
    void shouldAskForAPageFetchedBeforeWithAConditionalGetAndReuseItsTextOn304() {
        server.on("/a/1", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            FeedServer.respond(ex, 200, HTML, Pages.bytes("en-article.html"));
        });
        PageResult first = fetch("/a/1");
        PageResult again = fetch("/a/1");
        assertThat(again.outcome()).isEqualTo(PageOutcome.PAGE);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.detail()).contains("not modified");
        assertThat(server.requests("/a/1").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void shouldRefuseAPageLargerThanTheLimit() {
        String huge = "<html><body><article>" + "<p>A paragraph that goes on and on and on.</p>".repeat(3_000)
                + "</article></body></html>";
        server.serve("/huge", HTML, huge.getBytes(StandardCharsets.UTF_8));
        PageResult result = fetch("/huge");
        assertThat(result.outcome()).isEqualTo(PageOutcome.TOO_LARGE);
        assertThat(result.text()).isNull();
    }

    @Test
    void shouldGiveUpOnASlowPageAtItsDeadline() {
        // Given a page that announces 50 kB and sends a byte every 200 ms until the test ends
        server.on("/slow", ex -> {
            ex.getResponseHeaders().add("Content-Type", HTML);
            ex.sendResponseHeaders(200, 50_000);
            OutputStream out = ex.getResponseBody();
            try {
                while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
                    out.write('<');
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        PageResult result = fetch("/slow");
        assertThat(result.outcome()).isEqualTo(PageOutcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void shouldRefuseWhatIsNotHtml() {
        server.serve("/a.pdf", "application/pdf", "%PDF-1.7 not a page".getBytes(StandardCharsets.UTF_8));
        server.serve("/a.json", null, "{\"story\": \"text\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(fetch("/a.pdf").outcome()).isEqualTo(PageOutcome.NOT_HTML);
        assertThat(fetch("/a.json").outcome()).isEqualTo(PageOutcome.NOT_HTML);
    }

    @Test
    void shouldRefuseAnAddressTheOutboundGuardRefuses() {
        // Given a page on a loopback server that is not allowed
        canary.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        PageResult result = pages.fetch(canary.url("/a/1"), null, TEASER, null, TEN_SECONDS);
        assertThat(result.outcome()).isEqualTo(PageOutcome.BLOCKED);
        assertThat(canary.hits()).isZero();
    }

    @Test
    void shouldRefuseAHostilePage() {
        server.serve("/deep", HTML, Pages.nested(5_000).getBytes(StandardCharsets.UTF_8));
        PageResult result = fetch("/deep");
        assertThat(result.outcome()).isEqualTo(PageOutcome.HOSTILE);
        assertThat(result.detail()).contains("nested");
    }

    @Test
    void shouldKeepTheFeedTextWhenThePageSaysNoMore() {
        server.serve("/thin", HTML, ("<html><body><nav><a href='/'>Home</a></nav><p>" + TEASER + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(fetch("/thin").outcome()).isEqualTo(PageOutcome.NO_MAIN_TEXT);
    }

    @Test
    void shouldStopAtTheHostsHourlyPageBudget() {
        pages = fetcher(1);
        server.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        server.serve("/a/2", HTML, Pages.bytes("en-article.html"));
        assertThat(fetch("/a/1").outcome()).isEqualTo(PageOutcome.PAGE);
        assertThat(fetch("/a/2").outcome()).isEqualTo(PageOutcome.HOST_LIMIT);
        assertThat(server.requests("/a/2")).isEmpty();
    }
}
