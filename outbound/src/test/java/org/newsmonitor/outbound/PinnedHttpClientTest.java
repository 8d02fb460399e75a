package org.newsmonitor.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pinning, on loopback only: the "public" first DNS answer is 127.0.0.2, allowed through the allow-list, where the
 * real server listens; the rebinding second answer is 127.0.0.1, where a canary listens on the same port.
 */
class PinnedHttpClientTest {
    private HttpServer server;
    private HttpServer canary;
    private final List<String> serverHosts = new CopyOnWriteArrayList<>();
    private final AtomicInteger canaryHits = new AtomicInteger();
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/", exchange -> {
            serverHosts.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI());
            byte[] body = "feed".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        canary = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        canary.createContext("/", exchange -> {
            canaryHits.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        canary.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        canary.stop(0);
    }

    @Test
    void shouldConnectToTheCheckedAddressAndNeverToALaterDnsAnswer() throws Exception {
        // Given a name that resolves to the allowed server first and to loopback (the canary) on every later look-up
        AtomicInteger lookups = new AtomicInteger();
        Resolver rebinding = host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.2"
                : "127.0.0.1"));
        SsrfGuard guard = new SsrfGuard(rebinding, AddressAllowList.of(List.of("127.0.0.2:" + port)));
        PinnedHttpClient client = new PinnedHttpClient(Duration.ofSeconds(2));
        URI url = URI.create("http://rebind.test:" + port + "/feed.xml?since=1");
        // When the URL is checked once and fetched twice over the same pinned target
        DialTarget target = guard.target(url);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = client.sendAsync(target, HttpRequest.newBuilder().GET()
                    .timeout(Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
            assertThat(response.body()).isEqualTo("feed");
        }
        // Then only the checked address was dialled, with the URL's own Host header and path
        assertThat(serverHosts).containsExactly("rebind.test:" + port + " /feed.xml?since=1",
                "rebind.test:" + port + " /feed.xml?since=1");
        assertThat(canaryHits).hasValue(0);
        assertThat(lookups).hasValue(1);
        // and the next check sees the rebinding answer and refuses it before any connection
        assertThatThrownBy(() -> guard.target(url)).isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
        assertThat(canaryHits).hasValue(0);
    }

    @Test
    void shouldAllowTheHostHeaderOnceLoaded() {
        new PinnedHttpClient(Duration.ofSeconds(1));
        assertThat(System.getProperty(PinnedHttpClient.RESTRICTED_HEADERS)).contains("host");
    }
}
