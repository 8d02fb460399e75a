package org.newsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.json.Json;

class FeedHealthServerTest {

    @Test
    void shouldListEachFeedWithItsIntervalAndWhy() throws Exception {
        FeedHealth wire = new FeedHealth("wire", "Wire", "https://wire.example/rss", "en", List.of(), FeedStatus.OK,
                Instant.parse("2026-03-04T12:00:00Z"), null, null, 0, Instant.parse("2026-03-04T12:04:00Z"), 12,
                Duration.ofMinutes(4), "adaptive: median gap 7 min over 30 items", null,
                java.util.Map.of("page", 9L, "robots", 2L));
        HttpClient client = HttpClient.newHttpClient();
        try (FeedHealthServer server = FeedHealthServer.start("127.0.0.1", 0, () -> List.of(wire))) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(base.resolve("/feeds")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            JsonNode feed = Json.mapper().readTree(ok.body()).get("feeds").get(0);
            assertThat(feed.get("feedId").asText()).isEqualTo("wire");
            assertThat(feed.get("pollIntervalSeconds").asLong()).isEqualTo(240);
            assertThat(feed.get("pollReason").asText()).isEqualTo("adaptive: median gap 7 min over 30 items");
            assertThat(feed.get("nextPollAt").asText()).isEqualTo("2026-03-04T12:04:00Z");
            assertThat(feed.get("fullText").get("page").asLong()).isEqualTo(9);
            assertThat(feed.get("fullText").get("robots").asLong()).isEqualTo(2);
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(base.resolve("/other")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/feeds"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void shouldDescribeTheIntervalAndItsReasonOnOneLine() {
        FeedHealth paper = new FeedHealth("paper", "Paper", "https://paper.example/rss", "en", List.of(), FeedStatus.OK,
                Instant.parse("2026-03-04T12:00:00Z"), null, null, 0, Instant.parse("2026-03-04T12:10:00Z"), 3,
                Duration.ofMinutes(10), "max-age 600 s");
        assertThat(paper.describe()).endsWith("next 2026-03-04T12:10:00Z  every 10 min (max-age 600 s)");
    }

    @Test
    void shouldShowTheWebSubStateAndServeTheCallbackOnlyWhenGiven() throws Exception {
        FeedHealth pushed = new FeedHealth("wire", "Wire", "https://wire.example/rss", "en", List.of(), FeedStatus.OK,
                Instant.parse("2026-03-04T12:00:00Z"), null, null, 0, Instant.parse("2026-03-04T15:00:00Z"), 12,
                Duration.ofHours(3), "ceiling 3 h (WebSub: pushed by https://hub.example/)",
                "active via https://hub.example/, lease until 2026-03-14T12:00:00Z, 4 deliveries", java.util.Map.of());
        assertThat(pushed.describe()).endsWith("  websub: active via https://hub.example/, lease until "
                + "2026-03-14T12:00:00Z, 4 deliveries");
        HttpClient client = HttpClient.newHttpClient();
        List<String> called = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpHandler callback = exchange -> {
            called.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        };
        try (FeedHealthServer server = FeedHealthServer.start("127.0.0.1", 0, () -> List.of(pushed), callback);
                FeedHealthServer off = FeedHealthServer.start("127.0.0.1", 0, () -> List.of(pushed))) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            JsonNode feed = Json.mapper().readTree(client.send(HttpRequest.newBuilder(base.resolve("/feeds")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("feeds").get(0);
            assertThat(feed.get("webSub").asText()).startsWith("active via https://hub.example/");
            HttpResponse<Void> verify = client.send(HttpRequest.newBuilder(base.resolve(
                    "/websub/wire?hub.mode=subscribe")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(verify.statusCode()).isEqualTo(204);
            assertThat(called).containsExactly("GET /websub/wire?hub.mode=subscribe");
            HttpResponse<Void> withoutWebSub = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + off.port() + "/websub/wire")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(withoutWebSub.statusCode()).isEqualTo(404);
        }
    }
}
