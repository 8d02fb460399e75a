package org.newsmonitor.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.newsmonitor.ingest.websub.DeliverySignature;

/**
 * A WebSub hub for tests (JDK HttpServer on 127.0.0.1): the path it is reached at says how it behaves.
 * {@code /hub} verifies each request with a random challenge and keeps the subscriptions whose callback echoed it;
 * {@code /silent} accepts and never verifies; {@code /wrong-topic} verifies another topic; {@code /deny} denies;
 * {@code /refuse} answers the request 503; {@code /hang} never answers the request (until closed). Deliveries are
 * sent with {@link #publish}.
 */
public final class LocalHub implements AutoCloseable {
    /** A request a subscriber sent, with the verification's outcome. */
    public record Request(String hubPath, Map<String, String> form, int verificationStatus, boolean echoed) {
        public String mode() {
            return form.get("hub.mode");
        }

        public String callback() {
            return form.get("hub.callback");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ExecutorService verifier = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private LocalHub(HttpServer server) {
        this.server = server;
    }

    /** Starts a hub on a free port. */
    public static LocalHub start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalHub hub = new LocalHub(http);
        http.setExecutor(hub.executor);
        http.createContext("/", hub::handle);
        http.start();
        return hub;
    }

    /** The URL of the hub with the given behaviour path, e.g. "/hub". */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** "127.0.0.1:port", for the SSRF allow-list. */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received (after their verification, when one was made). */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * The latest subscription of a callback that was verified (challenge echoed); null when none. {@code callback}
     * may leave out the subscription's last path segment (the subscriber's random token).
     */
    public Request verified(String callback) {
        Request last = null;
        for (Request r : requests) {
            if (r.mode().equals("subscribe") && r.echoed() && callbackOf(r, callback)) {
                last = r;
            }
        }
        return last;
    }

    /** True when {@code r} was made for {@code callback}, or for a path under it. */
    public static boolean callbackOf(Request r, String callback) {
        return r.callback().equals(callback) || r.callback().startsWith(callback + "/");
    }

    /**
     * Delivers {@code body} to a verified subscriber.
     *
     * @param callback the subscriber's callback (its last segment may be left out)
     * @param body     the content
     * @param signing  "sha256", "sha1", "wrong" (signed with another secret) or "none"
     * @return the subscriber's HTTP status
     */
    public int publish(String callback, byte[] body, String signing) throws IOException, InterruptedException {
        Request sub = verified(callback);
        if (sub == null) {
            throw new IllegalStateException("no verified subscription for " + callback);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sub.callback())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/atom+xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String secret = sub.form().get("hub.secret");
        switch (signing) {
            case "none" -> {
            }
            case "wrong" -> request.header("X-Hub-Signature", DeliverySignature.header("sha256", secret + "x", body));
            default -> request.header("X-Hub-Signature", DeliverySignature.header(signing, secret, body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        verifier.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (path.equals("/hang")) {
            requests.add(new Request(path, form, 0, false));
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        if (path.equals("/refuse")) {
            requests.add(new Request(path, form, 0, false));
            byte[] text = "hub over capacity\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, text.length);
            ex.getResponseBody().write(text);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(202, -1);
        ex.close();
        // verification comes after the answer, from another thread, as hubs do it
        verifier.execute(() -> verify(path, form));
    }

    private void verify(String path, Map<String, String> form) {
        if (path.equals("/silent")) {
            requests.add(new Request(path, form, 0, false));
            return;
        }
        String challenge = UUID.randomUUID().toString();
        Map<String, String> query = new HashMap<>();
        query.put("hub.mode", path.equals("/deny") ? "denied" : form.get("hub.mode"));
        query.put("hub.topic", path.equals("/wrong-topic") ? "http://127.0.0.1:1/other.xml" : form.get("hub.topic"));
        if (path.equals("/deny")) {
            query.put("hub.reason", "topic not served here");
        } else {
            query.put("hub.challenge", challenge);
            query.put("hub.lease_seconds", "3600");
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String callback = form.get("hub.callback");
        int status = 0;
        boolean echoed = false;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(callback + "?" + q))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
            echoed = status / 100 == 2 && answer.body().equals(challenge);
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.add(new Request(path, form, status, echoed));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
