package org.newsmonitor.benchmarks.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.newsmonitor.contracts.json.Json;

/** A local webhook endpoint: notes when the first alert about each item (by the last segment of its URL) arrived. */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        WebhookReceiver receiver = new WebhookReceiver(http);
        http.setExecutor(receiver.executor);
        http.createContext("/hook", receiver::receive);
        http.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** When the first alert about the item arrived; null while none has. */
    Long arrivedNanos(String itemId) {
        return arrivedNanos.get(itemId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void receive(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        try {
            JsonNode alert = Json.mapper().readTree(ex.getRequestBody().readAllBytes()).path("data");
            String url = alert.path("url").asText("");
            String item = url.substring(url.lastIndexOf('/') + 1);
            if (!item.isEmpty()) {
                arrivedNanos.putIfAbsent(item, now);
            }
            ex.sendResponseHeaders(200, -1);
        } catch (IOException | RuntimeException e) {
            ex.sendResponseHeaders(400, -1);
        } finally {
            ex.close();
        }
    }
}
