package org.newsmonitor.ingest.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The WebSub callback on the ingest HTTP listener: {@code GET <base>/websub/<feed id>?hub.mode=...} is a hub's
 * intent verification, {@code POST} the same path a delivery. Bodies larger than the feed body limit are refused
 * unread beyond it.
 */
public final class WebSubCallback implements HttpHandler {
    /** The path prefix of every callback; the feed id follows. */
    public static final String PATH = "/websub/";

    private final WebSubSubscriber subscriber;
    private final long maxBodyBytes;

    /**
     * @param subscriber   who answers
     * @param maxBodyBytes the largest delivery read (the feed body limit)
     */
    public WebSubCallback(WebSubSubscriber subscriber, long maxBodyBytes) {
        this.subscriber = subscriber;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            int at = path.indexOf(PATH);
            String feedId = at < 0 ? "" : path.substring(at + PATH.length());
            if (feedId.isEmpty() || feedId.contains("/")) {
                send(exchange, new WebSubSubscriber.Answer(404, "not a WebSub callback: " + path));
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
                    Long lease;
                    try {
                        lease = q.containsKey("hub.lease_seconds") ? Long.valueOf(q.get("hub.lease_seconds").strip())
                                : null;
                    } catch (NumberFormatException e) {
                        send(exchange, new WebSubSubscriber.Answer(400, "hub.lease_seconds is not a number"));
                        return;
                    }
                    send(exchange, subscriber.verification(feedId, q.get("hub.mode"), q.get("hub.topic"),
                            q.get("hub.challenge"), lease, q.get("hub.reason")));
                }
                case "POST" -> {
                    byte[] body = readBounded(exchange.getRequestBody());
                    if (body == null) {
                        send(exchange, new WebSubSubscriber.Answer(413, "delivery larger than " + maxBodyBytes
                                + " bytes"));
                        return;
                    }
                    send(exchange, subscriber.delivery(feedId, exchange.getRequestHeaders().getFirst("X-Hub-Signature"),
                            exchange.getRequestHeaders().getFirst("Content-Type"), body));
                }
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, POST");
                    send(exchange, new WebSubSubscriber.Answer(405, exchange.getRequestMethod() + " is not allowed"));
                }
            }
        } finally {
            exchange.close();
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return body.length > maxBodyBytes ? null : body;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the parameter is ignored
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, WebSubSubscriber.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
