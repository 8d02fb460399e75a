package org.newsmonitor.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.newsmonitor.contracts.json.Json;

/**
 * The ingest service's own small HTTP listener: {@code GET /feeds} answers every feed's health as JSON, with its
 * current polling interval and why ({@code pollIntervalSeconds}, {@code pollReason}), its WebSub state
 * ({@code webSub}) and the outcomes of its article-page fetches ({@code fullText}: counts by outcome); with WebSub on,
 * {@code /websub/<feed id>/<token>} is the callback hubs verify and deliver to
 * ({@link org.newsmonitor.ingest.websub.WebSubCallback}). A few threads; WebSub deliveries may take only half of
 * them. A caller that sends its request line or headers slowly holds one thread until it is done (the JDK server has
 * no per-request deadline of its own unless {@code sun.net.httpserver.maxReqTime} is set at JVM start).
 */
public final class FeedHealthServer implements AutoCloseable {
    /** Threads of the listener: more than the WebSub deliveries read at once, so feed health always has some. */
    static final int THREADS = org.newsmonitor.ingest.websub.WebSubCallback.MAX_READING * 2;
    private final HttpServer server;
    private final ExecutorService executor;

    private FeedHealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts listening.
     *
     * @param host   address to bind, e.g. 127.0.0.1
     * @param port   port; 0 for any free one
     * @param health the feeds' health, read at each request
     * @return the running server; never null
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    public static FeedHealthServer start(String host, int port, Supplier<List<FeedHealth>> health) {
        return start(host, port, health, null);
    }

    /**
     * Starts listening, with the WebSub callback when {@code webSub} is not null.
     *
     * @param webSub the callback handler ({@link IngestService#webSubCallback()}); null when WebSub is off
     * @see #start(String, int, Supplier)
     */
    public static FeedHealthServer start(String host, int port, Supplier<List<FeedHealth>> health,
            com.sun.net.httpserver.HttpHandler webSub) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for feed health on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "ingest-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, health));
        if (webSub != null) {
            server.createContext(org.newsmonitor.ingest.websub.WebSubCallback.PATH, webSub);
        }
        server.start();
        return new FeedHealthServer(server, executor);
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void handle(HttpExchange exchange, Supplier<List<FeedHealth>> health) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/feeds")) {
                send(exchange, 404, Map.of("error", "not found: " + path + " (GET /feeds lists the feeds)"));
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().add("Allow", "GET");
                send(exchange, 405, Map.of("error", exchange.getRequestMethod() + " /feeds is not allowed; use GET"));
            } else {
                List<FeedHealth> feeds = health.get();
                List<Map<String, Object>> out = new ArrayList<>();
                feeds.forEach(f -> out.add(json(f)));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("feeds", out);
                body.put("healthy", feeds.stream().filter(FeedHealth::healthy).count());
                send(exchange, 200, body);
            }
        } finally {
            exchange.close();
        }
    }

    private static Map<String, Object> json(FeedHealth f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feedId", f.feedId());
        m.put("title", f.title());
        m.put("url", f.url());
        m.put("status", f.status().name());
        m.put("lastSuccessAt", f.lastSuccessAt());
        m.put("lastError", f.lastError());
        m.put("consecutiveFailures", f.consecutiveFailures());
        m.put("nextPollAt", f.nextPollAt());
        m.put("pollIntervalSeconds", f.pollInterval() == null ? null : f.pollInterval().toSeconds());
        m.put("pollReason", f.pollReason());
        m.put("articlesPublished", f.articlesPublished());
        m.put("webSub", f.webSub());
        m.put("fullText", f.fullText());
        return m;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            bytes = ("{\"error\":\"cannot write the answer\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            status = 500;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
