package org.newsmonitor.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.FeedHealthServer;
import org.newsmonitor.ingest.poll.PollOutcome;
import org.newsmonitor.ingest.testing.Await;
import org.newsmonitor.ingest.testing.LocalHub;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

/**
 * Hostile hubs and callers at the WebSub callback of the ingest HTTP listener: forged and odd verifications, leases
 * out of range, deliveries too large, drip-fed or flooding. Each is refused with a status, the feed's health listing
 * keeps answering, and the subscription of a well-behaved hub keeps working.
 */
class HostileCallbackTest {
    private static final String TOPIC = "http://news.example/rss.xml";
    private static final long CAP = 64 * 1024;
    private static final Duration READ_DEADLINE = Duration.ofSeconds(1);

    private LocalHub hub;
    private WebSubSubscriber subscriber;
    private FeedHealthServer listener;
    private WebSubCallback callback;
    private final AtomicInteger published = new AtomicInteger();
    private final List<String> pollAgain = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws IOException {
        hub = LocalHub.start();
        SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(hub.hostPort())));
        WebSubSettings settings = WebSubSettings.withCallback(URI.create("http://127.0.0.1:1"))
                .withDeliveriesPerHour(5);
        subscriber = new WebSubSubscriber(settings, new HubClient(guard, Duration.ofSeconds(1), Duration.ofSeconds(2),
                "test"), Clock.systemUTC());
        subscriber.start(new WebSubSubscriber.Feeds() {
            @Override
            public PollOutcome pushed(String feedId, byte[] body, String contentType) {
                published.incrementAndGet();
                return new PollOutcome(feedId, PollOutcome.Kind.FETCHED, 1, null, null);
            }

            @Override
            public void pollAgain(String feedId) {
                pollAgain.add(feedId);
            }
        });
        callback = new WebSubCallback(subscriber, CAP, READ_DEADLINE);
        listener = FeedHealthServer.start("127.0.0.1", 0, List::of, callback);
    }

    @AfterEach
    void stop() {
        listener.close();
        subscriber.close();
        hub.close();
    }

    // the hub at /silent accepts the request and never verifies: the test verifies as the hub would
    private Subscription subscribed(String feedId) {
        subscriber.discovered(feedId, new HubLinks(List.of(hub.url("/silent")), URI.create(TOPIC)));
        Await.until("the subscription request of " + feedId, Duration.ofSeconds(5),
                () -> subscriber.subscription(feedId) != null && subscriber.describe(feedId).startsWith("pending"));
        return subscriber.subscription(feedId);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // the callback path given to the hub: the feed id and the subscription's unguessable token
    private String callbackPath(String feedId) {
        Subscription s = subscriber.subscription(feedId);
        return "/websub/" + feedId + "/" + (s == null ? "no-token" : s.callbackToken());
    }

    private HttpResponse<String> verify(String feedId, String topic, String challenge, String lease) throws Exception {
        return verifyAt(callbackPath(feedId), topic, challenge, lease);
    }

    private HttpResponse<String> verifyAt(String path, String topic, String challenge, String lease) throws Exception {
        return get(path + "?hub.mode=subscribe&hub.topic=" + enc(topic) + "&hub.challenge="
                + enc(challenge) + (lease == null ? "" : "&hub.lease_seconds=" + lease));
    }

    private HttpResponse<String> deliver(String feedId, String signature, byte[] body) throws Exception {
        return deliverAt(callbackPath(feedId), signature, body);
    }

    private HttpResponse<String> deliverAt(String path, String signature, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port()
                + path)).timeout(Duration.ofSeconds(3)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseVerificationsForAnUnknownFeedATopicNeverAskedForAndARepeatedOne() throws Exception {
        subscribed("wire");
        assertThat(verify("nobody", TOPIC, "c1", "3600").statusCode()).isEqualTo(404);
        assertThat(verify("wire", "http://evil.example/feed", "c2", "3600").statusCode()).isEqualTo(404);
        assertThat(get(callbackPath("wire") + "?hub.mode=subscribe&hub.topic=" + enc(TOPIC)).statusCode())
                .isEqualTo(404);
        HttpResponse<String> accepted = verify("wire", TOPIC, "c3", "3600");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("c3");
        assertThat(verify("wire", TOPIC, "c4", "3600").statusCode()).isEqualTo(404);
        assertThat(subscriber.healthy("wire")).isTrue();
    }

    @Test
    void shouldRefuseAForgedVerificationAtACallbackPathNoHubWasGiven() throws Exception {
        Subscription s = subscribed("wire");
        assertThat(s.callbackToken()).hasSize(32);
        assertThat(verifyAt("/websub/wire", TOPIC, "forged", "3600").statusCode()).isEqualTo(404);
        assertThat(verifyAt("/websub/wire/" + "0".repeat(32), TOPIC, "forged", "3600").statusCode()).isEqualTo(404);
        assertThat(s.state()).isEqualTo(Subscription.State.PENDING);
        assertThat(verify("wire", TOPIC, "genuine", "3600").body()).isEqualTo("genuine");
        assertThat(subscriber.healthy("wire")).isTrue();
    }

    @Test
    void shouldIgnoreABadlySignedDeliveryAtACallbackPathNoHubWasGiven() throws Exception {
        Subscription s = subscribed("wire");
        assertThat(verify("wire", TOPIC, "c", "3600").statusCode()).isEqualTo(200);
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
        assertThat(deliverAt("/websub/wire", "sha256=00", body).statusCode()).isEqualTo(404);
        assertThat(deliverAt("/websub/wire/" + "f".repeat(32), "sha256=00", body).statusCode()).isEqualTo(404);
        assertThat(s.state()).isEqualTo(Subscription.State.ACTIVE);
        assertThat(pollAgain).isEmpty();
        assertThat(published).hasValue(0);
    }

    @Test
    void shouldRefuseAnOverlongChallengeAndEchoANonAsciiOneExactly() throws Exception {
        subscribed("wire");
        HttpResponse<String> huge = verify("wire", TOPIC, "x".repeat(WebSubSubscriber.MAX_CHALLENGE + 1), "3600");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("hub.challenge of " + (WebSubSubscriber.MAX_CHALLENGE + 1));
        assertThat(subscriber.healthy("wire")).isFalse();
        HttpResponse<String> unicode = verify("wire", TOPIC, "вызов-挑战-\u00e9", "3600");
        assertThat(unicode.statusCode()).isEqualTo(200);
        assertThat(unicode.body()).isEqualTo("вызов-挑战-\u00e9");
    }

    @Test
    void shouldAnswerAHubThatGrantsAHugeLeaseAndKeepTheLeaseAskedFor() throws Exception {
        subscribed("wire");
        HttpResponse<String> answer = verify("wire", TOPIC, "c", String.valueOf(Long.MAX_VALUE));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(subscriber.healthy("wire")).isTrue();
        assertThat(subscriber.describe("wire")).startsWith("active via " + hub.url("/silent"));
    }

    @Test
    void shouldRefuseADeliveryAnnouncedLargerThanTheCapWithoutWaitingForItsBody() throws Exception {
        subscribed("wire");
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(3_000);
            socket.getOutputStream().write(("POST " + callbackPath("wire") + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 1000000000\r\n"
                    + "X-Hub-Signature: sha256=00\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            assertThat(statusLine(socket.getInputStream())).isEqualTo("closed");
        }
        assertThat(published).hasValue(0);
    }

    @Test
    void shouldRefuseAChunkedDeliveryOnceItPassesTheCap() throws Exception {
        Subscription s = subscribed("wire");
        byte[] body = new byte[(int) CAP + 1];
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + listener.port() + callbackPath("wire"))).timeout(Duration.ofSeconds(3))
                .header("X-Hub-Signature", DeliverySignature.header("sha256", s.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(published).hasValue(0);
    }

    @Test
    void shouldKeepServingFeedHealthAndOtherCallersDeliveriesWhileASlowCallerDripsItsBodies() throws Exception {
        Subscription s = subscribed("wire");
        assertThat(verify("wire", TOPIC, "c", "3600").statusCode()).isEqualTo(200);
        List<Socket> drips = new ArrayList<>();
        try {
            // the drip-feeding caller comes from another loopback address than the hub
            for (int i = 0; i < 10; i++) {
                Socket drip = new Socket(java.net.InetAddress.getByName("127.0.0.1"), listener.port(),
                        java.net.InetAddress.getByName("127.0.0.2"), 0);
                drip.setSoTimeout(5_000);
                drip.getOutputStream().write(("POST " + callbackPath("wire") + " HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: 1000\r\n"
                        + "X-Hub-Signature: sha256=00\r\n\r\n<").getBytes(StandardCharsets.ISO_8859_1));
                drip.getOutputStream().flush();
                drips.add(drip);
            }
            long start = System.nanoTime();
            assertThat(get("/feeds").statusCode()).isEqualTo(200);
            byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
            assertThat(deliver("wire", DeliverySignature.header("sha256", s.secret(), body), body).statusCode())
                    .isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            for (Socket drip : drips) {
                String status = statusLine(drip.getInputStream());
                assertThat(status).as("a drip-fed delivery is answered or cut, never held")
                        .matches("HTTP/1.1 (408|503).*|closed");
            }
        } finally {
            for (Socket drip : drips) {
                drip.close();
            }
        }
        assertThat(published).hasValue(1);
        assertThat(subscriber.healthy("wire")).isTrue();
        // nothing is kept of the callers once their deliveries ended
        Await.until("the drip-fed deliveries to end", Duration.ofSeconds(5), () -> callback.callersReading() == 0);
    }

    @Test
    void shouldAnswerAFloodOfSignedDeliveriesWith429BeyondTheFeedsHourlyBudget() throws Exception {
        Subscription s = subscribed("wire");
        Subscription other = subscribed("other");
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
        String signature = DeliverySignature.header("sha256", s.secret(), body);
        for (int i = 0; i < 5; i++) {
            assertThat(deliver("wire", signature, body).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> flooded = deliver("wire", signature, body);
        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(flooded.headers().firstValue("Retry-After")).isPresent();
        assertThat(published).hasValue(5);
        // another feed's deliveries have their own budget, and the flooded subscription is not dropped
        assertThat(deliver("other", DeliverySignature.header("sha256", other.secret(), body), body).statusCode())
                .isEqualTo(200);
        assertThat(s.state()).isNotEqualTo(Subscription.State.FAILED);
    }

    @Test
    void shouldRefuseDeliveriesForARemovedFeedAndOnesSignedWithAnotherSecret() throws Exception {
        Subscription s = subscribed("wire");
        assertThat(verify("wire", TOPIC, "c", "3600").statusCode()).isEqualTo(200);
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
        assertThat(deliver("wire", DeliverySignature.header("sha256", "guessed", body), body).statusCode())
                .isEqualTo(403);
        assertThat(s.state()).isEqualTo(Subscription.State.FAILED);
        assertThat(pollAgain).containsExactly("wire");
        String given = callbackPath("wire");
        subscriber.removed("wire");
        assertThat(deliverAt(given, DeliverySignature.header("sha256", s.secret(), body), body).statusCode())
                .isEqualTo(404);
        assertThat(published).hasValue(0);
    }

    // the status line of the answer, or "closed" when the server closed the connection without one
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\r' && b != '\n') {
                line.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            return "no answer within the socket timeout";
        } catch (IOException e) {
            return "closed";
        }
        return line.length() == 0 ? "closed" : line.toString();
    }
}
