package org.newsmonitor.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

/**
 * Hostile article pages and robots.txt files: each ends in a counted outcome other than {@code page} (so the feed's
 * own text is published), quickly, without an Error escaping; the private canary is never reached.
 */
class HostilePageTest {
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEASER = "Trains carried twice as much cargo.";
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final int LIMIT = 64 * 1024;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private FeedServer site;
    private FeedServer other;
    private FeedServer canary;
    private ArticlePageFetcher pages;

    @BeforeEach
    void start() throws IOException {
        site = FeedServer.start();
        other = FeedServer.start();
        canary = FeedServer.start();
        HttpLimits limits = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2)).withMaxBodyBytes(LIMIT);
        SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(site.hostPort(),
                other.hostPort())));
        pages = new ArticlePageFetcher(new FeedFetcher(limits, guard, clock), new HostLimiter(2),
                new HostLimiter(2, 1_000), clock);
    }

    @AfterEach
    void stop() {
        site.close();
        other.close();
        canary.close();
    }

    private PageResult fetch(String path) {
        return pages.fetch(site.url(path), null, TEASER, null, TEN_SECONDS);
    }

    private static PageResult timed(java.util.function.Supplier<PageResult> fetch, Duration bound) {
        long start = System.nanoTime();
        PageResult result = fetch.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time taken").isLessThan(bound);
        return result;
    }

    @Test
    void shouldStopAGzipBombAtTheLimitCountedAfterDecompression() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                gz.write(zeros);
            }
        }
        assertThat(zipped.size()).isLessThan(LIMIT);
        site.on("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FeedServer.respond(ex, 200, HTML, zipped.toByteArray());
        });
        PageResult result = timed(() -> fetch("/bomb"), Duration.ofSeconds(2));
        assertThat(result.outcome()).isEqualTo(PageOutcome.TOO_LARGE);
        assertThat(result.detail()).contains("/bomb");
    }

    @Test
    void shouldStopAnEndlessBodyAtTheLimit() {
        site.on("/endless", ex -> {
            ex.getResponseHeaders().add("Content-Type", HTML);
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>again and again</p>".repeat(1_000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the fetcher hung up: expected
            }
        });
        PageResult result = timed(() -> fetch("/endless"), Duration.ofSeconds(3));
        assertThat(result.outcome()).isEqualTo(PageOutcome.TOO_LARGE);
    }

    @Test
    void shouldEndARedirectLoopAndRefuseARedirectToAPrivateAddressAtThatHop() {
        site.redirect("/loop-a", 302, site.url("/loop-b").toString());
        site.redirect("/loop-b", 302, site.url("/loop-a").toString());
        site.redirect("/to-private", 302, canary.url("/admin").toString());
        PageResult loop = fetch("/loop-a");
        assertThat(loop.outcome()).isEqualTo(PageOutcome.REDIRECT);
        assertThat(loop.detail()).contains("redirect loop");
        PageResult toPrivate = fetch("/to-private");
        assertThat(toPrivate.outcome()).isEqualTo(PageOutcome.BLOCKED);
        assertThat(toPrivate.detail()).contains("redirect hop 1");
        assertThat(canary.hits()).isZero();
    }

    @Test
    void shouldRefuseBinaryBytesLabelledAsHtml() {
        byte[] binary = new byte[20_000];
        new SplittableRandom(7).nextBytes(binary);
        site.serve("/a/binary", HTML, binary);
        PageResult result = fetch("/a/binary");
        assertThat(result.outcome()).isEqualTo(PageOutcome.NOT_HTML);
        assertThat(result.detail()).contains("binary");
    }

    @Test
    void shouldRefuseAHundredThousandNestedDivsQuickly() {
        String deep = "<html><body>" + "<div>".repeat(100_000) + "text" + "</div>".repeat(100_000)
                + "</body></html>";
        site.serve("/deep", "text/html", deep.getBytes(StandardCharsets.UTF_8));
        pages = pagesWithLimit(2 << 20);
        PageResult result = timed(() -> fetch("/deep"), Duration.ofSeconds(3));
        assertThat(result.outcome()).isEqualTo(PageOutcome.HOSTILE);
        assertThat(result.detail()).contains("nested");
    }

    @Test
    void shouldReadAHugeSingleTextNodeQuickly() throws Exception {
        String words = "Freight volumes across the border rose again this quarter, officials said. ".repeat(40_000);
        Document page = Jsoup.parse("<html><body><article><p>" + words + "</p></article></body></html>");
        long start = System.nanoTime();
        MainText text = MainTextExtractor.extract(page, null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(text.length()).isGreaterThan(2_000_000);
    }

    @Test
    void shouldExtractTheWorstPageWithinTheCapsWithinTheExtractionBound() {
        // 59,000 elements: chains of nested furniture-named blocks, each level with a paragraph and links
        StringBuilder html = new StringBuilder("<html><body>");
        int elements = 0;
        while (elements < MainTextExtractor.MAX_ELEMENTS - 1_000) {
            for (int d = 0; d < 300; d++) {
                html.append("<div class='comment related'><p>Words, more words, and a <a href='/x'>link</a>.</p>");
            }
            html.append("</div>".repeat(300));
            elements += 900;
        }
        Document page = Jsoup.parse(html.append("</body></html>").toString());
        long start = System.nanoTime();
        try {
            MainTextExtractor.extract(page, null);
        } catch (HostilePageException e) {
            throw new AssertionError("a page within the caps was refused: " + e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("extraction of the worst page within the caps").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldLeaveASiteAloneWhoseRobotsTxtIsLargerThanTheLimit() {
        site.serve("/robots.txt", "text/plain", ("User-agent: *\nDisallow: /x\n".repeat(5_000))
                .getBytes(StandardCharsets.UTF_8));
        site.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        PageResult result = fetch("/a/1");
        assertThat(result.outcome()).isEqualTo(PageOutcome.TOO_LARGE);
        assertThat(result.detail()).contains("robots.txt could not be read");
        assertThat(site.requests("/a/1")).isEmpty();
    }

    @Test
    void shouldReadAMalformedRobotsTxtAsAllowingEverything() {
        byte[] garbage = new byte[2_000];
        new SplittableRandom(3).nextBytes(garbage);
        site.serve("/robots.txt", "text/plain", garbage);
        site.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        assertThat(fetch("/a/1").outcome()).isEqualTo(PageOutcome.PAGE);
    }

    @Test
    void shouldFollowARobotsTxtRedirectOnTheSiteButNotToAPrivateAddress() {
        site.redirect("/robots.txt", 301, site.url("/real-robots.txt").toString());
        site.serve("/real-robots.txt", "text/plain", "User-agent: *\nDisallow: /members/\n"
                .getBytes(StandardCharsets.UTF_8));
        site.serve("/members/1", HTML, Pages.bytes("en-article.html"));
        assertThat(fetch("/members/1").outcome()).isEqualTo(PageOutcome.ROBOTS);
        assertThat(site.requests("/members/1")).isEmpty();

        other.redirect("/robots.txt", 302, canary.url("/robots.txt").toString());
        other.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        PageResult result = pages.fetch(other.url("/a/1"), null, TEASER, null, TEN_SECONDS);
        assertThat(result.outcome()).isEqualTo(PageOutcome.BLOCKED);
        assertThat(other.requests("/a/1")).isEmpty();
        assertThat(canary.hits()).isZero();
    }

    @Test
    void shouldHonourTheSitesCrawlDelayBetweenItsPages() {
        site.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 30\n".getBytes(StandardCharsets.UTF_8));
        site.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        site.serve("/a/2", HTML, Pages.bytes("en-article.html"));
        assertThat(fetch("/a/1").outcome()).isEqualTo(PageOutcome.PAGE);
        clock.advance(Duration.ofSeconds(10));
        PageResult tooSoon = fetch("/a/2");
        assertThat(tooSoon.outcome()).isEqualTo(PageOutcome.HOST_LIMIT);
        assertThat(tooSoon.detail()).contains("Crawl-delay of 30 s");
        assertThat(site.requests("/a/2")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(fetch("/a/2").outcome()).isEqualTo(PageOutcome.PAGE);
    }

    @Test
    void shouldLeaveASiteAloneWhoseCrawlDelayIsLongerThanFiveMinutes() {
        site.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n".getBytes(StandardCharsets.UTF_8));
        site.serve("/a/1", HTML, Pages.bytes("en-article.html"));
        assertThat(fetch("/a/1").outcome()).isEqualTo(PageOutcome.ROBOTS);
        assertThat(site.requests("/a/1")).isEmpty();
    }

    @Test
    void shouldRespectTheRobotsTxtOfTheSiteALinkRedirectsTo() {
        other.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n"
                .getBytes(StandardCharsets.UTF_8));
        other.serve("/private/1", HTML, Pages.bytes("en-article.html"));
        site.redirect("/short/1", 302, other.url("/private/1").toString());
        PageResult result = fetch("/short/1");
        assertThat(result.outcome()).isEqualTo(PageOutcome.ROBOTS);
        assertThat(result.detail()).contains("disallows /private/1");
        assertThat(other.requests("/private/1")).isEmpty();
    }

    private ArticlePageFetcher pagesWithLimit(long bytes) {
        HttpLimits limits = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2)).withMaxBodyBytes(bytes);
        SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(site.hostPort(),
                other.hostPort())));
        return new ArticlePageFetcher(new FeedFetcher(limits, guard, clock), new HostLimiter(2),
                new HostLimiter(2, 1_000), clock);
    }
}
