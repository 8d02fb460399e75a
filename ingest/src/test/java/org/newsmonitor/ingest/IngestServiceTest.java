package org.newsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.fulltext.FullTextSettings;
import org.newsmonitor.ingest.state.FeedStateStore;
import org.newsmonitor.ingest.testing.Await;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.InMemoryKafka;
import org.newsmonitor.ingest.testing.RawServer;
import org.newsmonitor.ingest.testing.TestFeeds;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;

class IngestServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final InMemoryKafka kafka = new InMemoryKafka();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;
    private FeedServer server;

    @BeforeEach
    void start() throws IOException {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        server = FeedServer.start();
        server.on("/feed.xml", ex -> FeedServer.respond(ex, 200, "application/rss+xml", TestFeeds.rss(1, 3)));
    }

    @AfterEach
    void stop() {
        server.close();
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        assertThat(uncaught).as("errors escaping ingest threads").isEmpty();
    }

    @Test
    void shouldKeepPollingAHealthyFeedWhileAnotherDripsSlowly() throws Exception {
        // Given a feed that drips one byte per 500 ms and a healthy feed polled every second
        try (RawServer drip = RawServer.start((socket, stop) -> {
            RawServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n");
            while (!stop.await(500, TimeUnit.MILLISECONDS)) {
                RawServer.write(socket, " ");
            }
        })) {
            Path list = feedList("""
                    - {id: drip, url: "%s", interval: PT1S}
                    - {id: healthy, url: "%s", interval: PT1S}
                    """.formatted(drip.url("/feed.xml"), server.url("/feed.xml")));
            try (IngestService service = service(list, AddressAllowList.of(List.of(drip.hostPort(), server.hostPort())))) {
                // When
                service.start();
                // Then the healthy feed is polled again and again while the drip is still being read
                Await.until("three polls of the healthy feed", WAIT, () -> server.requests("/feed.xml").size() >= 3);
                assertThat(kafka.articles()).hasSize(3);
                Await.until("the drip to fail at the deadline", WAIT, () -> health(service, "drip").consecutiveFailures() > 0);
                assertThat(health(service, "drip").lastError()).contains("whole-fetch deadline");
                assertThat(health(service, "healthy").status()).isEqualTo(FeedStatus.OK);
            }
        }
    }

    @Test
    void shouldRestoreFeedStateAfterARestartAndPublishNothingTwice() throws Exception {
        Path list = feedList("- {id: restart-feed, url: \"%s\", interval: PT1S}\n".formatted(server.url("/feed.xml")));
        try (IngestService first = service(list, AddressAllowList.of(List.of(server.hostPort())))) {
            first.start();
            Await.until("the first poll", WAIT, () -> kafka.articles().size() == 3);
        }
        int requestsBefore = server.requests("/feed.xml").size();
        // When a new ingester starts on the same state
        try (IngestService second = service(list, AddressAllowList.of(List.of(server.hostPort())))) {
            second.start();
            Await.until("two more polls", WAIT, () -> server.requests("/feed.xml").size() >= requestsBefore + 2);
            // Then it polled again but published nothing new
            assertThat(kafka.articles()).hasSize(3);
            assertThat(health(second, "restart-feed").status()).isEqualTo(FeedStatus.OK);
        }
    }

    @Test
    void shouldPollAtTheIntervalOfTheFeedListWhenItWasShortenedBetweenRuns() throws Exception {
        // Given a feed polled hourly, whose next poll is committed for an hour later
        Path list = feedList("- {id: hourly, url: \"%s\", interval: PT1H}\n".formatted(server.url("/feed.xml")));
        try (IngestService first = service(list, AddressAllowList.of(List.of(server.hostPort())))) {
            first.start();
            Await.until("the first poll", WAIT, () -> kafka.articles().size() == 3);
        }
        int requestsBefore = server.requests("/feed.xml").size();
        // When the list now says every second and the ingester starts again
        Files.writeString(list, "- {id: hourly, url: \"%s\", interval: PT1S}\n".formatted(server.url("/feed.xml")));
        try (IngestService second = service(list, AddressAllowList.of(List.of(server.hostPort())))) {
            second.start();
            // Then it polls at the new interval, not after the hour decided with the old one
            Await.until("two polls at the new interval", WAIT,
                    () -> server.requests("/feed.xml").size() >= requestsBefore + 2);
        }
    }

    @Test
    void shouldApplyAChangedIntervalWhileRunningWithoutWaitingForThePollScheduledBefore() throws Exception {
        // Given a running ingester that polled an hourly feed once
        Path list = feedList("- {id: hourly, url: \"%s\", interval: PT1H}\n".formatted(server.url("/feed.xml")));
        try (IngestService service = service(list, AddressAllowList.of(List.of(server.hostPort())))) {
            service.start();
            Await.until("the first poll", WAIT, () -> kafka.articles().size() == 3);
            int requestsBefore = server.requests("/feed.xml").size();
            server.on("/added.xml", ex -> FeedServer.respond(ex, 200, "application/rss+xml", TestFeeds.rss(10, 1)));
            // When the feed list is edited to poll every second, and a feed is added
            Files.writeString(list, """
                    - {id: hourly, url: "%s", interval: PT1S}
                    - {id: added, url: "%s", interval: PT1H}
                    """.formatted(server.url("/feed.xml"), server.url("/added.xml")));
            // Then the new interval applies from the next scheduling decision, and the new feed is polled
            Await.until("two polls at the new interval", WAIT,
                    () -> server.requests("/feed.xml").size() >= requestsBefore + 3);
            Await.until("the added feed to be polled", WAIT, () -> health(service, "added").lastSuccessAt() != null);
            assertThat(service.feeds()).extracting(d -> d.interval()).containsExactly(Duration.ofSeconds(1),
                    Duration.ofHours(1));
            assertThat(health(service, "hourly").nextPollAt()).isBefore(java.time.Instant.now().plusSeconds(60));
        }
    }

    @Test
    void shouldFailPolitelyWithoutInternetAndReportEachFeedInOneLine() throws Exception {
        // Given feeds whose hosts do not resolve (no internet) and a port nobody listens on
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path list = feedList("""
                - {id: offline-a, url: "https://feeds.offline.example/a.xml"}
                - {id: offline-b, url: "https://feeds.offline.example/b.xml"}
                - {id: refused, url: "http://127.0.0.1:%d/feed.xml"}
                """.formatted(closedPort));
        Resolver noDns = host -> {
            throw new UnknownHostException(host);
        };
        IngestConfig config = config(list, AddressAllowList.of(List.of("127.0.0.1:" + closedPort)));
        try (IngestService service = new IngestService(config, kafka, kafka, noDns)) {
            // When
            service.start();
            // Then every feed fails with its URL and reason, and is scheduled again later
            Await.until("every feed to fail once", WAIT,
                    () -> service.health().stream().allMatch(h -> h.consecutiveFailures() == 1));
            assertThat(health(service, "offline-a").lastError())
                    .isEqualTo("https://feeds.offline.example/a.xml: cannot resolve host feeds.offline.example");
            assertThat(health(service, "refused").lastError()).contains("connection refused");
            assertThat(service.health()).allSatisfy(h -> {
                assertThat(h.status()).isEqualTo(FeedStatus.FAILING);
                assertThat(h.nextPollAt()).isAfter(h.lastErrorAt());
                assertThat(h.describe()).contains(h.feedId()).contains("FAILING").contains("error: ");
            });
        }
    }

    @Test
    void shouldWaitForKafkaBeforePollingAndReportIt() throws Exception {
        // Given Kafka is down when the ingester starts
        kafka.down(true);
        Path list = feedList("- {id: waiting, url: \"%s\", interval: PT1S}\n".formatted(server.url("/feed.xml")));
        try (IngestService service = service(list, AddressAllowList.of(List.of(server.hostPort())))) {
            service.start();
            // Then nothing is fetched and health says why
            assertThat(health(service, "waiting").status()).isEqualTo(FeedStatus.KAFKA_UNAVAILABLE);
            assertThat(service.kafkaAvailable()).isFalse();
            assertThat(service.serviceHealth()).startsWith("restoring feed state from Kafka (retrying: ");
            assertThat(server.hits()).isZero();
            // When Kafka comes back, polling starts
            kafka.down(false);
            Await.until("articles after Kafka returned", WAIT, () -> kafka.articles().size() == 3);
            Await.until("Kafka reported available", WAIT, service::kafkaAvailable);
            assertThat(service.serviceHealth()).isEqualTo("ok");
        }
    }

    @Test
    void shouldRetryRestoringWhenReadingFeedStateFailsUnexpectedlyInsteadOfNeverPolling() throws Exception {
        // Given a feed-state store whose first read fails with an unexpected exception
        AtomicInteger reads = new AtomicInteger();
        FeedStateStore failingOnce = () -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("unexpected failure reading news-feed-state");
            }
            return kafka.readAll();
        };
        Path list = feedList("- {id: later, url: \"%s\", interval: PT1S}\n".formatted(server.url("/feed.xml")));
        try (IngestService service = new IngestService(config(list, AddressAllowList.of(List.of(server.hostPort()))),
                kafka, failingOnce, Resolver.SYSTEM)) {
            // When it starts
            service.start();
            // Then start-up goes on, health says why it waits, and polling begins once a read succeeds
            assertThat(service.serviceHealth()).isIn("ok", "restoring feed state from Kafka (retrying: unexpected "
                    + "failure reading news-feed-state)");
            Await.until("articles after the retried restore", WAIT, () -> kafka.articles().size() == 3);
            assertThat(service.serviceHealth()).isEqualTo("ok");
        }
    }

    @Test
    void shouldStopWithinSecondsEvenDuringASlowFetch() throws Exception {
        try (RawServer silent = RawServer.start((socket, stop) -> stop.await(60, TimeUnit.SECONDS))) {
            Path list = feedList("- {id: silent, url: \"%s\"}\n".formatted(silent.url("/feed.xml")));
            IngestService service = service(list, AddressAllowList.of(List.of(silent.hostPort())));
            service.start();
            Await.until("the fetch to start", WAIT, () -> silent.connections() >= 1);
            long start = System.nanoTime();
            service.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldPollNothingWhenLivePollingIsOff() {
        IngestConfig config = IngestConfig.defaults(ClientSettings.of("unused:9092")).withPollLiveFeeds(false);
        try (IngestService service = new IngestService(config, kafka, kafka, Resolver.SYSTEM)) {
            service.start();
            assertThat(service.health()).isEmpty();
            assertThat(service.kafkaAvailable()).isTrue();
        }
    }

    @Test
    void shouldHoldPollsOverTheHostsHourlyBudgetAndSaySo() throws Exception {
        // Given two feeds on one host polled every second, and a budget of 3 requests per host and hour
        Path list = feedList("""
                - {id: first, url: "%s", interval: PT1S}
                - {id: second, url: "%s", interval: PT1S}
                """.formatted(server.url("/feed.xml"), server.url("/feed.xml?second")));
        try (IngestService service = new IngestService(config(list, AddressAllowList.of(List.of(server.hostPort())))
                .withHostRequestsPerHour(3), kafka, kafka, Resolver.SYSTEM)) {
            // When it runs until both feeds were held back
            service.start();
            Await.until("both feeds held by the host budget", WAIT, () -> service.health().stream()
                    .allMatch(h -> h.pollReason() != null && h.pollReason().startsWith("host budget")));
            // Then the host got 3 requests, and each feed says why it waits and until when
            assertThat(server.requests()).hasSize(3);
            assertThat(health(service, "first").pollReason()).matches(
                    "host budget: 3 requests/h to 127\\.0\\.0\\.1 used; next slot at \\S+");
            assertThat(health(service, "first").nextPollAt()).isAfter(java.time.Instant.now().plusSeconds(3500));
        }
    }

    private IngestService service(Path list, AddressAllowList ssrf) {
        return new IngestService(config(list, ssrf), kafka, kafka, Resolver.SYSTEM);
    }

    private static IngestConfig config(Path list, AddressAllowList ssrf) {
        return IngestConfig.defaults(ClientSettings.of("unused:9092"))
                .withFeedList(list)
                .withSsrf(ssrf)
                .withHttp(HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
                        Duration.ofSeconds(3)).withConcurrency(4, 2))
                // the items link to hosts that do not exist: no page is fetched (FullTextPollingTest covers pages)
                .withFullText(FullTextSettings.off());
    }

    private Path feedList(String yaml) throws IOException {
        return Files.writeString(dir.resolve("feeds-" + System.nanoTime() + ".yaml"), yaml);
    }

    private static FeedHealth health(IngestService service, String id) {
        return service.health().stream().filter(h -> h.feedId().equals(id)).findFirst().orElseThrow();
    }
}
