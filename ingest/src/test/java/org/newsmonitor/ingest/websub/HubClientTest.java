package org.newsmonitor.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.RawServer;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

/** Hubs that redirect, fail, hang or answer without end: each subscription request ends with a one-line reason. */
class HubClientTest {
    private static final Map<String, String> FORM = Map.of("hub.mode", "subscribe", "hub.topic", "http://t.example/");

    private FeedServer hub;
    private FeedServer canary;

    @BeforeEach
    void start() throws IOException {
        hub = FeedServer.start();
        canary = FeedServer.start();
    }

    @AfterEach
    void stop() {
        hub.close();
        canary.close();
    }

    private HubClient client(String... allowed) {
        return new HubClient(new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(allowed))),
                Duration.ofSeconds(1), Duration.ofSeconds(2), "test");
    }

    @Test
    void shouldNotFollowAHubsRedirectAndNameTheStatus() {
        hub.redirect("/hub", 307, canary.url("/elsewhere").toString());
        assertThat(client(hub.hostPort(), canary.hostPort()).send(hub.url("/hub"), FORM)).isEqualTo("HTTP 307");
        assertThat(canary.hits()).isZero();
    }

    @Test
    void shouldGiveA5xxWithTheFirstLineOfItsText() {
        hub.on("/hub", ex -> FeedServer.respond(ex, 503, "text/plain", "busy, come back later\nsecond line"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(client(hub.hostPort()).send(hub.url("/hub"), FORM)).isEqualTo("HTTP 503: busy, come back later");
    }

    @Test
    void shouldReadOnlyTheStartOfAnEndlessErrorBody() {
        hub.on("/hub", ex -> {
            ex.sendResponseHeaders(500, 0);
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client stopped reading: expected
            }
        });
        long start = System.nanoTime();
        String reason = client(hub.hostPort()).send(hub.url("/hub"), FORM);
        assertThat(reason).startsWith("HTTP 500: xxxx").endsWith("...").hasSizeLessThan(220);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldGiveUpOnAHubThatNeverAnswersAtItsDeadline() throws Exception {
        try (RawServer silent = RawServer.start((socket, stop) -> stop.await())) {
            long start = System.nanoTime();
            String reason = client(silent.hostPort()).send(silent.url("/hub"), FORM);
            assertThat(reason).isEqualTo("no answer within 2000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void shouldRefuseAHubOnAPrivateAddressBeforeConnecting() {
        String reason = client().send(URI.create("http://127.0.0.1:" + canary.port() + "/hub"), FORM);
        assertThat(reason).startsWith("refused http://127.0.0.1:" + canary.port() + "/hub");
        assertThat(canary.hits()).isZero();
    }
}
