package org.newsmonitor.alerts.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.newsmonitor.alerts.delivery.WebhookSignature;

/**
 * A local webhook receiver with scripted answers per path. It verifies every signature, counts raw deliveries and
 * keeps a de-duplicated view by webhook-id, as a careful receiver would.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** What to do for the n-th request (1-based) on a path. */
    public interface Script {
        void answer(int n, HttpExchange exchange) throws IOException;
    }

    public record Hit(String path, String id, String timestamp, boolean signatureValid, byte[] body, Instant at) {
    }

    private final HttpServer server;
    private final java.util.function.Supplier<String> secret;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    public final List<Hit> hits = new CopyOnWriteArrayList<>();
    public final Set<String> effects = ConcurrentHashMap.newKeySet();

    public WebhookReceiver(String secret) throws IOException {
        this(() -> secret);
    }

    /** A receiver that checks signatures with the secret as it is when each request arrives (e.g. one issued later). */
    public WebhookReceiver(java.util.function.Supplier<String> secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public void script(String path, Script script) {
        scripts.put(path, script);
    }

    /** Answers with the given status for each request number. */
    public static Script statuses(IntFunction<Integer> statusOfNth) {
        return (n, ex) -> respond(ex, statusOfNth.apply(n), Map.of());
    }

    public static void respond(HttpExchange ex, int status, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        String id = ex.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER);
        String ts = ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
        boolean valid = secret.get() != null && WebhookSignature.verify(secret.get(), id, ts,
                ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now(),
                Duration.ofMinutes(5));
        hits.add(new Hit(path, id, ts, valid, body, Instant.now()));
        int n = counts.merge(path, 1, Integer::sum);
        Script script = scripts.getOrDefault(path, statuses(i -> 200));
        try {
            script.answer(n, ex);
        } finally {
            ex.close();
        }
        if (valid && ex.getResponseCode() >= 200 && ex.getResponseCode() < 300) {
            effects.add(id);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
