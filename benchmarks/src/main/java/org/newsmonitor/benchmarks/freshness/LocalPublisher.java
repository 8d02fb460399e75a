package org.newsmonitor.benchmarks.freshness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.newsmonitor.ingest.websub.DeliverySignature;

/**
 * A local news site with its own WebSub hub, on one JDK HttpServer: {@code /websub.xml} (an Atom feed naming the hub)
 * and {@code /polled.xml} (no hub); {@code /hub} takes subscriptions, verifies them with a challenge and pushes each
 * new item of the pushed feed to the verified subscriber, signed with its secret. It notes when each item was first
 * served by a poll.
 */
final class LocalPublisher implements AutoCloseable {
    private static final int ITEMS_KEPT = 20;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ExecutorService pusher = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<Item>> feeds = new ConcurrentHashMap<>();
    private final Map<String, Long> firstServedNanos = new ConcurrentHashMap<>();
    private volatile String callback;
    private volatile String secret;

    /** One item: its id (also the last segment of its URL), title and text. */
    record Item(String id, String title, String text, Instant published) {
    }

    private LocalPublisher(HttpServer server) {
        this.server = server;
        feeds.put("websub", new ArrayList<>());
        feeds.put("polled", new ArrayList<>());
    }

    static LocalPublisher start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        LocalPublisher publisher = new LocalPublisher(http);
        http.setExecutor(publisher.executor);
        http.createContext("/websub.xml", ex -> publisher.serveFeed(ex, "websub"));
        http.createContext("/polled.xml", ex -> publisher.serveFeed(ex, "polled"));
        http.createContext("/hub", publisher::subscribe);
        http.start();
        return publisher;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** True once a subscriber's callback echoed the hub's challenge. */
    boolean subscribed() {
        return secret != null;
    }

    /** Adds an item to a feed ("websub" pushes it to the subscriber at once, "polled" waits for a poll). */
    void add(String feed, Item item) {
        byte[] document;
        synchronized (feeds) {
            List<Item> items = feeds.get(feed);
            items.add(item);
            if (items.size() > ITEMS_KEPT) {
                items.remove(0);
            }
            document = atom(feed, List.copyOf(items));
        }
        if (feed.equals("websub")) {
            pusher.execute(() -> push(document));
        }
    }

    /** When a poll first received the item; null while none has. */
    Long firstServedNanos(String itemId) {
        return firstServedNanos.get(itemId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        pusher.shutdownNow();
    }

    private void serveFeed(HttpExchange ex, String feed) throws IOException {
        long now = System.nanoTime();
        byte[] body;
        synchronized (feeds) {
            List<Item> items = feeds.get(feed);
            items.forEach(i -> firstServedNanos.putIfAbsent(i.id(), now));
            body = atom(feed, List.copyOf(items));
        }
        ex.getResponseHeaders().add("Content-Type", "application/atom+xml; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void subscribe(HttpExchange ex) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        ex.sendResponseHeaders(202, -1);
        ex.close();
        if ("subscribe".equals(form.get("hub.mode"))) {
            pusher.execute(() -> verify(form));
        }
    }

    private void verify(Map<String, String> form) {
        String challenge = UUID.randomUUID().toString();
        String target = form.get("hub.callback") + "?hub.mode=subscribe&hub.topic="
                + URLEncoder.encode(form.get("hub.topic"), StandardCharsets.UTF_8) + "&hub.challenge=" + challenge
                + "&hub.lease_seconds=3600";
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target)).GET()
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().equals(challenge)) {
                callback = form.get("hub.callback");
                secret = form.get("hub.secret");
            }
        } catch (IOException e) {
            System.err.println("freshness: hub verification failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void push(byte[] document) {
        String to = callback;
        String key = secret;
        if (to == null) {
            return;
        }
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(to))
                    .header("Content-Type", "application/atom+xml")
                    .header("X-Hub-Signature", DeliverySignature.header("sha256", key, document))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                System.err.println("freshness: delivery answered HTTP " + answer.statusCode());
            }
        } catch (IOException e) {
            System.err.println("freshness: delivery failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] atom(String feed, List<Item> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Freshness desk " + feed + "</title><id>urn:bench:"
                + feed + "</id><updated>" + Instant.now() + "</updated>");
        if (feed.equals("websub")) {
            xml.append("<link rel=\"hub\" href=\"").append(url("/hub")).append("\"/><link rel=\"self\" href=\"")
                    .append(url("/websub.xml")).append("\"/>");
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            xml.append("<entry><id>urn:bench:").append(item.id()).append("</id><title>").append(item.title())
                    .append("</title><link href=\"https://freshness.example/items/").append(item.id())
                    .append("\"/><published>").append(item.published()).append("</published><updated>")
                    .append(item.published()).append("</updated><summary>").append(item.text())
                    .append("</summary></entry>");
        }
        return xml.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
