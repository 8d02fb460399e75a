package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.json.Json;

class SseStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private TestApp t;

    @AfterEach
    void stop() {
        if (t != null) {
            t.close();
        }
    }

    /** A live stream read line by line on its own thread. */
    private final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final java.util.stream.Stream<String> body;
        final Thread reader;

        Stream(String path, String key, String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(t.uri(path)).header("Accept", "text/event-stream");
            if (key != null) {
                b.header("Authorization", "Bearer " + key);
            }
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.util.stream.Stream<String>> r = t.http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            body = r.body();
            reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException e) {
                    lines.add("<closed>");
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next n event ids, skipping comments and other fields. */
        List<String> ids(int n) throws InterruptedException {
            List<String> ids = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ids.size() < n) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("only got " + ids + " of " + n + " events");
                }
                if (line.startsWith("id: ")) {
                    ids.add(line.substring(4));
                }
            }
            return ids;
        }

        String nextMatching(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no line starting with " + prefix);
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private static AlertEvent alert(String id) {
        return Fixtures.alert(id, "default", "power-of-siberia", "Story " + id);
    }

    @Test
    void shouldResumeFromLastEventIdWithoutGapsOrRepeats() throws Exception {
        //Given
        t = new TestApp();
        String id;
        try (Stream first = new Stream("/alerts/events", null, null)) {
            Await.until("stream attached", WAIT, () -> streamsOpen() == 1);
            t.feed.publish(alert("a1"));
            t.feed.publish(alert("a2"));
            t.feed.publish(alert("a3"));
            List<String> seen = first.ids(3);
            assertThat(seen).containsExactly("a1", "a2", "a3");
            id = seen.get(2);
        }
        //When: alerts arrive while the client is away
        t.feed.publish(alert("a4"));
        t.feed.publish(alert("a5"));
        try (Stream again = new Stream("/alerts/events", null, id)) {
            //Then
            assertThat(again.ids(2)).containsExactly("a4", "a5");
            t.feed.publish(alert("a6"));
            assertThat(again.ids(1)).containsExactly("a6");
        }
    }

    @Test
    void shouldSendResetAndTheBufferWhenTheLastIdIsGone() throws Exception {
        //Given
        t = new TestApp();
        t.feed.publish(alert("b1"));
        t.feed.publish(alert("b2"));
        //When
        try (Stream s = new Stream("/alerts/events", null, "long-gone")) {
            //Then
            assertThat(s.nextMatching("event: ")).isEqualTo("event: reset");
            assertThat(s.ids(2)).containsExactly("b1", "b2");
            String data = s.nextMatching("data: ");
            AlertEvent parsed = Json.mapper().readValue(data.substring(6), AlertEvent.class);
            assertThat(parsed.alertId()).isEqualTo("b2");
        }
    }

    @Test
    void shouldSendHeartbeatsWhenQuiet() throws Exception {
        //Given
        t = new TestApp(new SseSettings(Duration.ofMillis(100), 16, 10));
        //When
        try (Stream s = new Stream("/alerts/events", null, null)) {
            //Then
            assertThat(s.nextMatching(": heartbeat")).startsWith(": heartbeat");
        }
    }

    @Test
    void shouldStreamOnlyTheOwnersSubscriptionWithItsApiKey() throws Exception {
        //Given
        t = new TestApp();
        String id = t.subscriptions.create("alice", new org.newsmonitor.alerts.subscription.SubscriptionRequest(
                null, null, null, null, null, null, null, null, null, null)).id();
        //When
        try (Stream s = new Stream("/subscriptions/" + id + "/events", TestApp.ALICE_KEY, null)) {
            Await.until("stream attached", WAIT, () -> streamsOpen() == 1);
            t.feed.publish(Fixtures.alert("c1", id, "arms-sales", "Mine"));
            t.feed.publish(Fixtures.alert("c2", "default", "arms-sales", "Not mine"));
            t.feed.publish(Fixtures.alert("c3", id, "arms-sales", "Mine too"));
            //Then
            assertThat(s.ids(2)).containsExactly("c1", "c3");
        }
        HttpResponse<String> anonymous = t.send("GET", "/subscriptions/" + id + "/events", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldDisconnectAClientThatStopsReadingWithoutHoldingUpTheFeed() throws Exception {
        //Given: a raw client that sends the request and never reads
        t = new TestApp(new SseSettings(Duration.ofSeconds(30), 4, 10));
        try (Socket socket = new Socket("127.0.0.1", t.app.port())) {
            socket.setReceiveBufferSize(4096);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /alerts/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Await.until("stream attached", WAIT, () -> streamsOpen() == 1);
            String big = "x".repeat(32 * 1024);
            //When: far more than the socket buffers and the client queue hold
            assertTimeoutPreemptively(WAIT, () -> {
                for (int i = 0; i < 400; i++) {
                    AlertEvent a = Fixtures.alert("s" + i, "default", "arms-sales", "Story " + i);
                    t.feed.publish(new AlertEvent(1, a.alertId(), a.subscriptionId(), a.kind(), a.themeId(),
                            a.themeTitle(), a.storyId(), a.articleId(), a.title(), a.url(), a.source(),
                            a.publishedAt(), a.score(), a.terms(), big, a.createdAt()));
                }
            });
            //Then: the server let go of it
            Await.until("lagging stream closed", WAIT, () -> streamsOpen() == 0);
            InputStream in = socket.getInputStream();
            assertThat(in).isNotNull();
        }
        // and a well-behaved client still works
        try (Stream s = new Stream("/alerts/events", null, "s398")) {
            t.feed.publish(alert("after"));
            assertThat(s.ids(2)).containsExactly("s399", "after");
        }
    }

    @Test
    void shouldKeepASubscribersOwnStreamOpenWhenAnonymousStreamsAreAtTheirCap() throws Exception {
        //Given: the anonymous cap (2) is full
        t = new TestApp(new SseSettings(Duration.ofSeconds(30), 16, 2, 2, 5, Duration.ofMinutes(30)));
        String id = t.subscriptions.create("alice", new org.newsmonitor.alerts.subscription.SubscriptionRequest(
                null, null, null, null, null, null, null, null, null, null)).id();
        try (Stream a = new Stream("/alerts/events", null, null); Stream b = new Stream("/alerts/events", null, null)) {
            Await.until("anonymous streams attached", WAIT, () -> streamsOpen() == 2);
            //When
            HttpResponse<String> third = t.send("GET", "/alerts/events", null, null);
            try (Stream own = new Stream("/subscriptions/" + id + "/events", TestApp.ALICE_KEY, null)) {
                Await.until("subscriber stream attached", WAIT, () -> streamsOpen() == 3);
                t.feed.publish(Fixtures.alert("own1", id, "arms-sales", "Mine"));
                //Then
                assertThat(own.ids(1)).containsExactly("own1");
            }
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(Json.mapper().readTree(third.body()).get("error").asText()).contains("anonymous");
        }
    }

    @Test
    void shouldLimitAnonymousStreamsPerClientAddressWith429() throws Exception {
        //Given
        // heartbeats every 100 ms, so that the server soon notices a stream the client closed
        t = new TestApp(new SseSettings(Duration.ofMillis(100), 16, 10, 10, 1, Duration.ofMinutes(30)));
        try (Stream first = new Stream("/alerts/events", null, null)) {
            Await.until("stream attached", WAIT, () -> streamsOpen() == 1);
            //When
            HttpResponse<String> second = t.send("GET", "/alerts/events", null, null);
            //Then
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(Json.mapper().readTree(second.body()).get("error").asText()).contains("127.0.0.1");
        }
        // the slot is given back when the stream closes
        Await.until("stream released", WAIT, () -> streamsOpen() == 0);
        try (Stream again = new Stream("/alerts/events", null, null)) {
            assertThat(again.nextMatching(": connected")).startsWith(": connected");
        }
    }

    @Test
    void shouldCloseAStreamThatCarriedNoAlertForTheIdleLimit() throws Exception {
        //Given
        t = new TestApp(new SseSettings(Duration.ofMillis(100), 16, 10, 10, 10, Duration.ofMillis(500)));
        //When
        try (Stream s = new Stream("/alerts/events", null, null)) {
            //Then: heartbeats do not keep it open
            assertThat(s.nextMatching("event: ")).isEqualTo("event: idle");
            Await.until("idle stream closed", WAIT, () -> streamsOpen() == 0);
        }
    }

    private int streamsOpen() {
        try {
            return Json.mapper().readTree(t.send("GET", "/health", null, null).body()).get("liveStreams").asInt();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
