package org.newsmonitor.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server for feed tests (JDK HttpServer on 127.0.0.1 and an ephemeral port) with scripted responses per
 * path; it records every request and counts hits, so it also serves as the private-service canary.
 */
public final class FeedServer implements AutoCloseable {
    /** What to do with one request. */
    @FunctionalInterface
    public interface Script {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A request as received. */
    public record Request(String path, Map<String, List<String>> headers) {
        /** First value of a header, or null. */
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();

    private FeedServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static FeedServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FeedServer s = new FeedServer(http);
        http.setExecutor(s.executor);
        http.createContext("/", s::dispatch);
        http.start();
        return s;
    }

    /** Scripts the response for {@code path}. */
    public FeedServer on(String path, Script script) {
        scripts.put(path, script);
        return this;
    }

    /** Serves {@code body} with status 200 and {@code contentType} at {@code path}. */
    public FeedServer serve(String path, String contentType, byte[] body) {
        return on(path, ex -> respond(ex, 200, contentType, body));
    }

    /** Redirects {@code path} to {@code location} with {@code status}. */
    public FeedServer redirect(String path, int status, String location) {
        return on(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
    }

    /** Sends a complete response. */
    public static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().add("Content-Type", contentType);
        }
        if (body == null || body.length == 0) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** The port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** "127.0.0.1:port", for SSRF allow-lists. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** An absolute URL on this server. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Requests received so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests received for one path. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Number of requests received. */
    public int hits() {
        return hits.get();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        hits.incrementAndGet();
        requests.add(new Request(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders())));
        Script script = scripts.get(ex.getRequestURI().getPath());
        try {
            if (script == null) {
                respond(ex, 404, "text/plain", "no such feed".getBytes(StandardCharsets.UTF_8));
            } else {
                script.handle(ex);
            }
        } catch (IOException e) {
            // the client went away (deadline, size limit): nothing to answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
