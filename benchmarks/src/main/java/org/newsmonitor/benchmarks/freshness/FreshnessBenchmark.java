package org.newsmonitor.benchmarks.freshness;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.newsmonitor.alerts.AlertsConfig;
import org.newsmonitor.benchmarks.LatencySummary;
import org.newsmonitor.alerts.AlertsService;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.ingest.FeedHealth;
import org.newsmonitor.ingest.FeedHealthServer;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.IngestService;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.poll.PollingPolicy;
import org.newsmonitor.ingest.websub.WebSubSettings;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.stream.StreamConfig;
import org.newsmonitor.stream.StreamService;
import org.newsmonitor.stream.ThemePublisher;

/**
 * End-to-end freshness on this machine: the time from an item appearing on a local feed server to its alert arriving
 * at a local webhook receiver, through ingest, stream and alerts on the embedded broker.
 *
 * <p>WebSub: the local site's hub pushes each new item to the ingester's callback the moment it is published; the
 * figure is measured in real time, item by item. Polling: a feed publishing once a minute under the adaptive policy
 * would take hours of wall time, so it runs in two parts: the delay from publication to the first poll that sees an
 * item is simulated in virtual time (a day of once-a-minute items, each at a random moment of its minute, polled as {@link PollingPolicy#defaults()} decides
 * for a feed with the default floor and ceiling, the first hour left out as warm-up), and the time from that poll to
 * the alert is measured in real time on a feed the ingester polls every second; each simulated delay is added to a
 * measured one. Prints, as its last line, {@code freshness: websub-p50-ms=... websub-p99-ms=... polling-p50-ms=...
 * polling-p99-ms=...}. Finishes within three minutes.
 */
public final class FreshnessBenchmark {
    private static final int WARM_UP_ITEMS = 5;
    private static final int WEBSUB_ITEMS = 60;
    private static final int POLLED_ITEMS = 30;
    private static final Duration WEBSUB_GAP = Duration.ofMillis(300);
    private static final Duration POLLED_GAP = Duration.ofMillis(700);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String API_KEY = "freshness-bench-key-1234";
    private static final String THEME = "power-of-siberia";

    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final SplittableRandom random = new SplittableRandom(18);
    private int itemNumber;

    private FreshnessBenchmark(PrintStream out) {
        this.out = out;
    }

    /** {@code exec:exec@freshness}: runs the benchmark and exits (the services leave non-daemon threads behind). */
    public static void main(String[] args) throws Exception {
        measure(System.out);
        System.exit(0);
    }

    /** Runs the benchmark in a temporary directory (deleted afterwards), printing progress and, last, the figures. */
    public static void measure(PrintStream out) throws Exception {
        long began = System.nanoTime();
        Path dir = Files.createTempDirectory("freshness-bench");
        FreshnessBenchmark bench = new FreshnessBenchmark(out);
        String result;
        try {
            result = bench.run(dir);
        } finally {
            bench.close();
            deleteTree(dir);
        }
        out.printf("freshness: finished in %.0f s%n", (System.nanoTime() - began) / 1e9);
        out.println(result);
    }

    private String run(Path dir) throws Exception {
        out.println("freshness: starting the embedded broker, stream and alerts services");
        EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"), 0));
        started.push(broker);
        ClientSettings kafka = ClientSettings.of(broker.bootstrapServers());
        TopicCreator.ensure(kafka, Topics.ALL, (short) 1, 0);
        new ThemePublisher(kafka).publishBundled();
        StreamService stream = new StreamService(StreamConfig.fromEnv(System.getenv(), kafka, dir.resolve("streams")));
        started.push(stream);
        stream.start();
        WebhookReceiver receiver = WebhookReceiver.start();
        started.push(receiver);
        AlertsService alerts = new AlertsService(AlertsConfig.fromEnv(System.getenv(), kafka, dir.resolve("alerts"))
                .withHttp("127.0.0.1", 0).withApiKeys(Map.of("bench", API_KEY))
                .withSsrfAllow(List.of(receiver.hostPort()))
                .withDefaultSubscription(false, new PrintStream(OutputStream.nullOutputStream())));
        started.push(alerts);
        alerts.start();
        subscribe(alerts.httpPort(), receiver.url());

        LocalPublisher site = LocalPublisher.start();
        started.push(site);
        IngestService ingest = startIngest(kafka, site, dir);
        await("the hub's verification of the ingester's subscription", Duration.ofSeconds(60), site::subscribed);

        out.println("freshness: warming up with " + WARM_UP_ITEMS + " pushed items");
        List<String> warmUp = publish(site, "websub", WARM_UP_ITEMS, WEBSUB_GAP);
        await("alerts about the warm-up items", Duration.ofSeconds(90),
                () -> warmUp.stream().allMatch(id -> receiver.arrivedNanos(id) != null));

        out.println("freshness: WebSub: " + WEBSUB_ITEMS + " items, one every " + WEBSUB_GAP.toMillis() + " ms");
        Map<String, Long> pushedAt = new java.util.HashMap<>();
        List<String> pushed = new ArrayList<>();
        for (int i = 0; i < WEBSUB_ITEMS; i++) {
            String id = nextId("websub");
            pushedAt.put(id, System.nanoTime());
            site.add("websub", item(id));
            pushed.add(id);
            pause(WEBSUB_GAP);
        }
        awaitAll(pushed, receiver);
        List<Double> websub = new ArrayList<>();
        for (String id : pushed) {
            Long arrived = receiver.arrivedNanos(id);
            if (arrived != null) {
                websub.add((arrived - pushedAt.get(id)) / 1e6);
            }
        }

        out.println("freshness: polling: " + POLLED_ITEMS + " items on a feed polled every second, one every "
                + POLLED_GAP.toMillis() + " ms");
        List<String> polled = publish(site, "polled", POLLED_ITEMS, POLLED_GAP);
        awaitAll(polled, receiver);
        List<Double> fetchToAlert = new ArrayList<>();
        for (String id : polled) {
            Long arrived = receiver.arrivedNanos(id);
            Long fetched = site.firstServedNanos(id);
            if (arrived != null && fetched != null) {
                fetchToAlert.add((arrived - fetched) / 1e6);
            }
        }
        report(ingest);
        List<Duration> pollDelays = PollingDelays.simulate(PollingPolicy.defaults(),
                PollingDelays.defaultAdaptiveFeed(), Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofHours(1),
                Instant.parse("2026-03-02T00:00:00Z"), new SplittableRandom(5));
        List<Double> polling = new ArrayList<>();
        for (int i = 0; i < pollDelays.size(); i++) {
            polling.add(pollDelays.get(i).toMillis() + fetchToAlert.get(i % fetchToAlert.size()));
        }
        LatencySummary websubFigures = LatencySummary.of(websub);
        LatencySummary measured = LatencySummary.of(fetchToAlert);
        out.printf("freshness: WebSub: %d of %d items alerted; publication to alert p50 %.0f ms, p99 %.0f ms, max "
                + "%.0f ms%n", websub.size(), WEBSUB_ITEMS, websubFigures.p50(), websubFigures.p99(), websubFigures.max());
        out.printf("freshness: polling, measured: %d of %d items alerted; first fetch to alert p50 %.0f ms, p99 %.0f "
                + "ms%n", fetchToAlert.size(), POLLED_ITEMS, measured.p50(), measured.p99());
        LatencySummary simulated = LatencySummary.of(pollDelays.stream().map(d -> (double) d.toMillis()).toList());
        out.printf("freshness: polling, virtual time: %d once-a-minute items over 23 h; publication to first fetch "
                + "p50 %.0f s, p99 %.0f s (adaptive policy, floor %s, ceiling %s)%n", simulated.count(),
                simulated.p50() / 1000, simulated.p99() / 1000,
                PollingPolicy.human(PollingDelays.defaultAdaptiveFeed().minInterval()),
                PollingPolicy.human(PollingDelays.defaultAdaptiveFeed().maxInterval()));
        if (websub.size() < WEBSUB_ITEMS || fetchToAlert.size() < POLLED_ITEMS) {
            out.println("freshness: WARNING: some items had no alert within " + SETTLE.toSeconds() + " s; they are "
                    + "left out of the percentiles");
        }
        LatencySummary pollingFigures = LatencySummary.of(polling);
        return String.format("freshness: websub-p50-ms=%.0f websub-p99-ms=%.0f polling-p50-ms=%.0f "
                + "polling-p99-ms=%.0f", websubFigures.p50(), websubFigures.p99(), pollingFigures.p50(), pollingFigures.p99());
    }

    private IngestService startIngest(ClientSettings kafka, LocalPublisher site, Path dir) throws IOException {
        Path feeds = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - {id: websub-desk, url: "%s", language: en, interval: PT30S, minInterval: PT30S, maxInterval: PT1H}
                  - {id: polled-desk, url: "%s", language: en, interval: PT1S}
                """.formatted(site.url("/websub.xml"), site.url("/polled.xml")));
        AtomicReference<HttpHandler> callback = new AtomicReference<>();
        AtomicReference<IngestService> service = new AtomicReference<>();
        FeedHealthServer listener = FeedHealthServer.start("127.0.0.1", 0, () -> service.get().health(),
                exchange -> callback.get().handle(exchange));
        started.push(listener);
        IngestConfig config = IngestConfig.defaults(kafka).withFeedList(feeds)
                .withSsrf(AddressAllowList.of(List.of(site.hostPort())))
                .withHostRequestsPerHour(100_000)
                .withHttp(HttpLimits.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(5)));
        IngestService ingest = new IngestService(config,
                WebSubSettings.withCallback(URI.create("http://127.0.0.1:" + listener.port())));
        service.set(ingest);
        callback.set(ingest.webSubCallback());
        started.push(ingest);
        ingest.start();
        return ingest;
    }

    private void subscribe(int alertsPort, String webhook) throws IOException, InterruptedException {
        String body = "{\"name\":\"Freshness bench\",\"themes\":[\"" + THEME + "\"],\"webhookUrl\":\"" + webhook
                + "\",\"webhookSecret\":\"freshness-bench-webhook-secret\"}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + alertsPort + "/subscriptions")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create the webhook subscription: HTTP " + created.statusCode()
                    + " " + created.body());
        }
    }

    private List<String> publish(LocalPublisher site, String feed, int count, Duration gap) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = nextId(feed);
            site.add(feed, item(id));
            ids.add(id);
            pause(gap);
        }
        return ids;
    }

    private String nextId(String feed) {
        return feed + "-" + (++itemNumber);
    }

    // a story of its own: the theme's words, and enough words of its own not to cluster with the others
    private LocalPublisher.Item item(String id) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            words.append(' ').append(word());
        }
        String title = "Gazprom and CNPC sign Power of Siberia 2 supply contract in Beijing, " + word() + " " + word()
                + " says";
        return new LocalPublisher.Item(id, title, "The Kremlin said the gas pipeline deal was signed." + words,
                Instant.now());
    }

    private String word() {
        StringBuilder w = new StringBuilder();
        int length = 5 + random.nextInt(5);
        for (int i = 0; i < length; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private void awaitAll(List<String> ids, WebhookReceiver receiver) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && !ids.stream().allMatch(id -> receiver.arrivedNanos(id) != null)) {
            pause(Duration.ofMillis(50));
        }
    }

    private void report(IngestService ingest) {
        for (FeedHealth h : ingest.health()) {
            out.println("freshness: feed " + h.describe());
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("freshness: no " + what + " within " + timeout.toSeconds() + " s");
            }
            pause(Duration.ofMillis(50));
        }
    }

    // the publisher's own pace between items (not a wait for a result)
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("freshness: shutdown: " + e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
