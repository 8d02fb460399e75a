package org.newsmonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsmonitor.ingest.Fixtures;
import org.newsmonitor.ingest.fetch.FetchResult.FailureKind;
import org.newsmonitor.ingest.parse.FeedParseException;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.RawServer;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

class FeedFetcherTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final long LIMIT = 256 * 1024;
    private static final String RSS = "application/rss+xml";

    private FeedServer server;
    private FeedServer canary;
    private FeedFetcher fetcher;

    @BeforeEach
    void startServers() throws IOException {
        server = FeedServer.start();
        canary = FeedServer.start();
        canary.on("/admin", ex -> FeedServer.respond(ex, 200, "text/plain", "secret".getBytes(StandardCharsets.UTF_8)));
        fetcher = fetcherAllowing(server.hostPort());
    }

    @AfterEach
    void stopServers() {
        server.close();
        canary.close();
    }

    @Test
    void shouldFetchAFeedWithValidatorsAndNameTheMonitorInTheUserAgent() {
        // Given
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Sun, 01 Jun 2025 10:00:00 GMT");
            FeedServer.respond(ex, 200, RSS, Fixtures.bytes("rss20_namespaces.xml"));
        });
        // When
        FetchResult result = fetcher.fetch(server.url("/feed.xml"), Validators.NONE);
        // Then
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(f.body()).isEqualTo(Fixtures.bytes("rss20_namespaces.xml"));
            assertThat(f.validators()).isEqualTo(new Validators("\"v1\"", "Sun, 01 Jun 2025 10:00:00 GMT"));
            assertThat(f.permanentUri()).isNull();
        });
        FeedServer.Request request = server.requests("/feed.xml").get(0);
        assertThat(request.header("User-Agent")).contains("news-monitor");
        assertThat(request.header("Accept-Encoding")).contains("gzip");
        assertThat(request.header("If-None-Match")).isNull();
    }

    @Test
    void shouldSendValidatorsAndReportNotModifiedOn304() {
        // Given a server that answers 304 when the ETag matches
        server.on("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                FeedServer.respond(ex, 200, RSS, Fixtures.bytes("rss20_namespaces.xml"));
            }
        });
        // When
        FetchResult result = fetcher.fetch(server.url("/feed.xml"),
                new Validators("\"v1\"", "Sun, 01 Jun 2025 10:00:00 GMT"));
        // Then
        assertThat(result).isInstanceOf(FetchResult.NotModified.class);
        FeedServer.Request request = server.requests("/feed.xml").get(0);
        assertThat(request.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.header("If-Modified-Since")).isEqualTo("Sun, 01 Jun 2025 10:00:00 GMT");
    }

    @Test
    void shouldFollowA301AndRememberTheNewUrl() {
        // Given
        server.redirect("/old.xml", 301, "/new.xml").serve("/new.xml", RSS, Fixtures.bytes("rss20_namespaces.xml"));
        // When
        FetchResult result = fetcher.fetch(server.url("/old.xml"), Validators.NONE);
        // Then
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(f.finalUri()).isEqualTo(server.url("/new.xml"));
            assertThat(f.permanentUri()).isEqualTo(server.url("/new.xml"));
        });
    }

    @Test
    void shouldFollowA302WithoutRememberingIt() {
        server.redirect("/temp.xml", 302, server.url("/new.xml").toString())
                .serve("/new.xml", RSS, Fixtures.bytes("rss20_namespaces.xml"));
        FetchResult result = fetcher.fetch(server.url("/temp.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(f.finalUri()).isEqualTo(server.url("/new.xml"));
            assertThat(f.permanentUri()).isNull();
        });
    }

    @Test
    void shouldStopARedirectLoop() {
        server.redirect("/a", 302, "/b").redirect("/b", 301, "/a");
        FetchResult result = fetcher.fetch(server.url("/a"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.REDIRECT);
            assertThat(f.reason()).startsWith("redirect loop back to").endsWith("/a");
        });
    }

    @Test
    void shouldStopAChainOfMoreThanFiveRedirects() {
        for (int i = 0; i < 10; i++) {
            server.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        FetchResult result = fetcher.fetch(server.url("/r0"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.REDIRECT);
            assertThat(f.reason()).startsWith("more than 5 redirects");
        });
        assertThat(server.hits()).isEqualTo(6);
    }

    @Test
    void shouldRefuseARedirectToAPrivateAddressAtThatHop() {
        // Given a public-looking feed that redirects to the private canary
        server.redirect("/feed.xml", 302, "http://127.0.0.1:" + canary.port() + "/admin");
        // When
        FetchResult result = fetcher.fetch(server.url("/feed.xml"), Validators.NONE);
        // Then
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.BLOCKED);
            assertThat(f.reason()).contains("redirect hop 1").contains("a loopback address");
        });
        assertThat(canary.hits()).isZero();
    }

    @Test
    void shouldResolveARedirectHopOnceAndConnectToTheAddressItChecked() {
        // Given a feed that redirects to a name only the guard's resolver knows; it answers loopback once, then the
        // documentation address 192.0.2.1 (which would be refused and must never be dialled)
        server.redirect("/feed.xml", 302, "http://mirror.test:" + server.port() + "/real.xml")
                .serve("/real.xml", RSS, Fixtures.bytes("rss20_namespaces.xml"));
        AtomicInteger lookups = new AtomicInteger();
        Resolver rebinding = host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1"
                : "192.0.2.1"));
        FeedFetcher pinned = new FeedFetcher(HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(2)), new SsrfGuard(rebinding, AddressAllowList.of(List.of(
                server.hostPort(), "mirror.test:" + server.port()))), Clock.fixed(NOW, ZoneOffset.UTC));
        // When
        FetchResult result = pinned.fetch(server.url("/feed.xml"), Validators.NONE);
        // Then the hop was resolved by the guard once and fetched from that address with its own Host header
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(lookups).hasValue(1);
        assertThat(server.requests("/real.xml")).singleElement()
                .satisfies(r -> assertThat(r.header("Host")).isEqualTo("mirror.test:" + server.port()));
    }

    @Test
    void shouldRefuseARedirectToAFileUrl() {
        server.redirect("/feed.xml", 301, "file:///etc/passwd");
        FetchResult result = fetcher.fetch(server.url("/feed.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.BLOCKED);
            assertThat(f.reason()).contains("only http and https URLs can be dialled, not 'file'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "0.0.0.0", "127.1", "2130706433", "0x7f.0.0.1",
        "0177.0.0.1", "[::ffff:127.0.0.1]"})
    void shouldRefusePrivateTargetsBeforeConnecting(String host) {
        // When
        FetchResult result = fetcher.fetch(URI.create("http://" + host + ":" + canary.port() + "/admin"),
                Validators.NONE);
        // Then
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.BLOCKED));
        assertThat(canary.hits()).isZero();
    }

    @Test
    void shouldHonourRetryAfterSecondsOn429() {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            ex.sendResponseHeaders(429, -1);
        });
        FetchResult result = fetcher.fetch(server.url("/feed.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.THROTTLED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(120));
            assertThat(f.reason()).isEqualTo("HTTP 429 (Retry-After 120 s)");
        });
    }

    @Test
    void shouldHonourRetryAfterAsAnHttpDateOn503() {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "Sun, 01 Jun 2025 12:30:00 GMT");
            ex.sendResponseHeaders(503, -1);
        });
        FetchResult result = fetcher.fetch(server.url("/feed.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.THROTTLED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void shouldReportA500AndA410() {
        server.on("/broken.xml", ex -> ex.sendResponseHeaders(500, -1));
        server.on("/gone.xml", ex -> ex.sendResponseHeaders(410, -1));
        assertThat(fetcher.fetch(server.url("/broken.xml"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.HTTP_STATUS);
                    assertThat(f.status()).isEqualTo(500);
                    assertThat(f.reason()).isEqualTo("HTTP 500");
                });
        assertThat(fetcher.fetch(server.url("/gone.xml"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.GONE));
    }

    @Test
    void shouldRefuseABodyWhoseContentLengthIsOverTheLimitWithoutReadingIt() {
        server.serve("/huge.xml", RSS, new byte[(int) LIMIT + 1]);
        FetchResult result = fetcher.fetch(server.url("/huge.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.TOO_LARGE);
            assertThat(f.reason()).contains("Content-Length " + (LIMIT + 1)).contains("nothing was read");
        });
    }

    @Test
    void shouldAbortAChunkedBodyOnceItPassesTheLimit() {
        server.on("/endless.xml", ex -> {
            ex.getResponseHeaders().add("Content-Type", RSS);
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 10_000; i++) {
                ex.getResponseBody().write(chunk);
            }
        });
        FetchResult result = fetcher.fetch(server.url("/endless.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.TOO_LARGE);
            assertThat(f.reason()).isEqualTo("body exceeds the limit of " + LIMIT + " bytes");
        });
    }

    @Test
    void shouldDecompressGzip() throws IOException {
        byte[] feed = Fixtures.bytes("rss20_namespaces.xml");
        byte[] gz = gzip(feed);
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FeedServer.respond(ex, 200, RSS, gz);
        });
        FetchResult result = fetcher.fetch(server.url("/feed.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> assertThat(f.body()).isEqualTo(feed));
    }

    @Test
    void shouldStopAGzipBombAtTheDecompressedLimit() throws IOException {
        // Given 64 MiB of zeros compressed to about 64 KiB, under the limit as sent
        byte[] bomb = gzip(new byte[64 << 20]);
        assertThat((long) bomb.length).isLessThan(LIMIT);
        server.on("/bomb.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FeedServer.respond(ex, 200, RSS, bomb);
        });
        // When
        FetchResult result = fetcher.fetch(server.url("/bomb.xml"), Validators.NONE);
        // Then
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.TOO_LARGE);
            assertThat(f.reason()).contains("after decompression");
        });
    }

    @Test
    void shouldReportATruncatedGzipBody() throws IOException {
        byte[] gz = gzip(Fixtures.bytes("rss20_namespaces.xml"));
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        server.on("/cut.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FeedServer.respond(ex, 200, RSS, cut);
        });
        assertThat(fetcher.fetch(server.url("/cut.xml"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.BAD_BODY);
                    assertThat(f.reason()).contains("truncated gzip body");
                });
    }

    @Test
    void shouldParseAFeedServedWithTheWrongContentTypeBySniffing() throws Exception {
        server.serve("/feed.html", "text/html", Fixtures.bytes("rss20_namespaces.xml"));
        FetchResult.Fetched f = (FetchResult.Fetched) fetcher.fetch(server.url("/feed.html"), Validators.NONE);
        ParsedFeed feed = Fixtures.parse(f.body(), f.contentType(), f.finalUri());
        assertThat(feed.items()).hasSize(2);
    }

    @Test
    void shouldSayAnHtmlPageServedAsRssIsNotAFeed() {
        server.serve("/page.xml", RSS, Fixtures.bytes("html_page.html"));
        FetchResult.Fetched f = (FetchResult.Fetched) fetcher.fetch(server.url("/page.xml"), Validators.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.parse(f.body(), f.contentType(),
                f.finalUri())).isInstanceOf(FeedParseException.class).hasMessage("not a feed (HTML page)");
    }

    @Test
    void shouldUseTheCharsetOfTheHttpHeaderToFixAMislabelledDocument() throws Exception {
        server.serve("/ru.xml", "text/xml; charset=windows-1251", Fixtures.bytes("mislabelled_1251_as_latin1.xml"));
        FetchResult.Fetched f = (FetchResult.Fetched) fetcher.fetch(server.url("/ru.xml"), Validators.NONE);
        assertThat(Fixtures.parse(f.body(), f.contentType(), f.finalUri()).title()).isEqualTo("Северный вестник");
    }

    @Test
    void shouldAbortASlowDripAtTheWholeFetchDeadline() throws Exception {
        // Given a server that sends the headers, then one byte every 500 ms
        try (RawServer drip = RawServer.start((socket, stop) -> {
            RawServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n");
            while (!stop.await(500, TimeUnit.MILLISECONDS)) {
                RawServer.write(socket, " ");
            }
        })) {
            FeedFetcher short2s = fetcherAllowing(drip.hostPort());
            // When
            long start = System.nanoTime();
            FetchResult result = short2s.fetch(drip.url("/feed.xml"), Validators.NONE);
            // Then it gives up at the 2 s deadline rather than after the 100,000 s the drip would take
            assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
                assertThat(f.reason()).contains("whole-fetch deadline");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void shouldTimeOutWhenHeadersNeverCome() throws Exception {
        try (RawServer silent = RawServer.start((socket, stop) -> stop.await(30, TimeUnit.SECONDS))) {
            FetchResult result = fetcherAllowing(silent.hostPort()).fetch(silent.url("/feed.xml"), Validators.NONE);
            assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
        }
    }

    @Test
    void shouldRejectABodyShorterThanItsContentLength() throws Exception {
        try (RawServer liar = RawServer.start((socket, stop) -> RawServer.write(socket,
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 1000\r\n\r\n<rss version"))) {
            FetchResult result = fetcherAllowing(liar.hostPort()).fetch(liar.url("/feed.xml"), Validators.NONE);
            assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.NETWORK);
                assertThat(f.reason()).startsWith("connection closed before the response was complete");
            });
        }
    }

    @Test
    void shouldRejectAConnectionResetInTheMiddleOfTheBody() throws Exception {
        try (RawServer reset = RawServer.start((socket, stop) -> {
            RawServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 1000\r\n\r\n<rss>");
            socket.setSoLinger(true, 0);
        })) {
            FetchResult result = fetcherAllowing(reset.hostPort()).fetch(reset.url("/feed.xml"), Validators.NONE);
            assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.NETWORK));
        }
    }

    @Test
    void shouldReportAnUnreachablePortAsANetworkFailure() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        FetchResult result = fetcherAllowing("127.0.0.1:" + closedPort)
                .fetch(URI.create("http://127.0.0.1:" + closedPort + "/feed.xml"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.NETWORK);
            assertThat(f.reason()).isEqualTo("connection refused or unreachable");
        });
    }

    private static FeedFetcher fetcherAllowing(String hostPort) {
        HttpLimits limits = HttpLimits.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withMaxBodyBytes(LIMIT);
        return new FeedFetcher(limits, new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(hostPort))),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
