package org.newsmonitor.ingest.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub callback on the ingest HTTP listener: {@code GET <base>/websub/<feed id>/<token>?hub.mode=...} is a
 * hub's intent verification, {@code POST} the same path a delivery. The token is the subscription's, random and
 * given only to its hub, so that nobody else can verify a subscription or have it fail with a bad delivery. A
 * delivery is read within bounds that keep a hostile caller from holding the listener, which also answers
 * {@code GET /feeds}: at most {@value #MAX_READING} deliveries are handled at once, at most
 * {@value #MAX_READING_PER_CALLER} from one address (a further one finds its connection closed, unread, and the hub
 * retries); a body must arrive within the read deadline, or its connection is closed; a body announced larger than
 * the feed body limit is not read at all (connection closed), and one sent without a length is refused (413) once it
 * passes the limit.
 */
public final class WebSubCallback implements HttpHandler {
    /** The path prefix of every callback; the feed id follows. */
    public static final String PATH = "/websub/";
    /** Deliveries handled at once; the listener's other threads stay free for feed health and verifications. */
    public static final int MAX_READING = 4;
    /** Deliveries read at once from one caller (address), so one slow caller cannot take every slot. */
    public static final int MAX_READING_PER_CALLER = 2;
    /** Time a delivery's body may take to arrive, by default. */
    public static final Duration READ_DEADLINE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(WebSubCallback.class);
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final WebSubSubscriber subscriber;
    private final long maxBodyBytes;
    private final Duration readDeadline;
    private final Semaphore reading = new Semaphore(MAX_READING);
    /** Deliveries being read per caller address; an address leaves the map when its last one ends. */
    private final Map<String, Integer> callers = new ConcurrentHashMap<>();

    /**
     * @param subscriber   who answers
     * @param maxBodyBytes the largest delivery read (the feed body limit)
     */
    public WebSubCallback(WebSubSubscriber subscriber, long maxBodyBytes) {
        this(subscriber, maxBodyBytes, READ_DEADLINE);
    }

    /**
     * @param subscriber   who answers
     * @param maxBodyBytes the largest delivery read (the feed body limit)
     * @param readDeadline time a delivery's body may take to arrive before its connection is closed
     */
    public WebSubCallback(WebSubSubscriber subscriber, long maxBodyBytes, Duration readDeadline) {
        this.subscriber = subscriber;
        this.maxBodyBytes = maxBodyBytes;
        this.readDeadline = readDeadline;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            int at = path.indexOf(PATH);
            String[] segments = at < 0 ? new String[0] : path.substring(at + PATH.length()).split("/", -1);
            if (segments.length < 1 || segments.length > 2 || segments[0].isEmpty()) {
                send(exchange, new WebSubSubscriber.Answer(404, "not a WebSub callback: " + path));
                return;
            }
            String feedId = segments[0];
            String token = segments.length == 2 ? segments[1] : null;
            switch (exchange.getRequestMethod()) {
                case "GET" -> verification(exchange, feedId, token);
                case "POST" -> delivery(exchange, feedId, token);
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, POST");
                    send(exchange, new WebSubSubscriber.Answer(405, exchange.getRequestMethod() + " is not allowed"));
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void verification(HttpExchange exchange, String feedId, String token) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        Long lease;
        try {
            lease = q.containsKey("hub.lease_seconds") ? Long.valueOf(q.get("hub.lease_seconds").strip()) : null;
        } catch (NumberFormatException e) {
            send(exchange, new WebSubSubscriber.Answer(400, "hub.lease_seconds is not a number"));
            return;
        }
        send(exchange, subscriber.verification(feedId, token, q.get("hub.mode"), q.get("hub.topic"),
                q.get("hub.challenge"), lease, q.get("hub.reason")));
    }

    private void delivery(HttpExchange exchange, String feedId, String token) throws IOException {
        long announced = contentLength(exchange);
        if (announced > maxBodyBytes) {
            LOG.warn("WebSub: feed {}: delivery of {} bytes refused unread (at most {}); connection closed", feedId,
                    announced, maxBodyBytes);
            return; // closing the exchange before any answer closes the connection, without reading the body
        }
        String caller = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (!takeCallerSlot(caller)) {
            LOG.warn("WebSub: feed {}: delivery refused unread: {} deliveries from {} are being read already; "
                    + "connection closed", feedId, MAX_READING_PER_CALLER, caller);
            return;
        }
        if (!reading.tryAcquire()) {
            releaseCallerSlot(caller);
            LOG.warn("WebSub: feed {}: delivery refused unread: {} deliveries are being read already; connection "
                    + "closed (the hub retries)", feedId, MAX_READING);
            return;
        }
        try {
            byte[] body = readWithin(exchange, feedId);
            if (body == null) {
                return;
            }
            if (body.length > maxBodyBytes) {
                LOG.warn("WebSub: feed {}: delivery refused: larger than {} bytes", feedId, maxBodyBytes);
                send(exchange, new WebSubSubscriber.Answer(413, "delivery larger than " + maxBodyBytes + " bytes"));
                return;
            }
            send(exchange, subscriber.delivery(feedId, token, exchange.getRequestHeaders().getFirst("X-Hub-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
        } finally {
            reading.release();
            releaseCallerSlot(caller);
        }
    }

    // the body, at most one byte over the limit; null when it did not arrive within the deadline (connection closed)
    private byte[] readWithin(HttpExchange exchange, String feedId) {
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            cut.set(true);
            exchange.close();
        }, readDeadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            InputStream in = exchange.getRequestBody();
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            watchdog.cancel(false);
            return cut.get() ? null : body;
        } catch (IOException e) {
            watchdog.cancel(false);
            LOG.warn("WebSub: feed {}: delivery {}; connection closed", feedId, cut.get()
                    ? "did not arrive within " + readDeadline.toMillis() + " ms" : "broke off: " + e.getMessage());
            return null;
        }
    }

    private boolean takeCallerSlot(String caller) {
        boolean[] taken = {false};
        callers.compute(caller, (k, n) -> {
            int reading = n == null ? 0 : n;
            taken[0] = reading < MAX_READING_PER_CALLER;
            return taken[0] ? reading + 1 : reading;
        });
        return taken[0];
    }

    private void releaseCallerSlot(String caller) {
        callers.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Caller addresses with a delivery being read (for tests: none once all are done). */
    int callersReading() {
        return callers.size();
    }

    private static long contentLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ingest-websub-read-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
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
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(Math.max(1,
                    answer.retryAfter().toSeconds())));
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
