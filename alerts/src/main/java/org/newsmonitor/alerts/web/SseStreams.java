package org.newsmonitor.alerts.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.server.Request;
import org.newsmonitor.alerts.view.AlertFeed;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live alert streams (Server-Sent Events). Each client has its own bounded queue fed from the {@link AlertFeed}; a
 * client that stops reading fills it and is disconnected, so it never holds up the feed or other clients. Events carry
 * the alert id as SSE id; a client reconnecting with Last-Event-ID gets what it missed, or a "reset" event and the
 * buffer when that id is no longer buffered. Anonymous and subscribers' streams are admitted against separate caps
 * ({@link StreamAdmission}); a stream that carried no alert for the idle limit is ended.
 */
final class SseStreams {
    private static final Logger LOG = LoggerFactory.getLogger(SseStreams.class);
    private final AlertFeed feed;
    private final SseSettings settings;
    private final StreamAdmission admission;
    private final java.util.Set<Runnable> stoppers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    SseStreams(AlertFeed feed, SseSettings settings) {
        this.feed = feed;
        this.settings = settings;
        this.admission = new StreamAdmission(settings);
    }

    /**
     * Streams a subscription's alerts on the request thread until the client leaves, falls behind or stays idle.
     *
     * @param anonymous true for the public dashboard stream, false for a subscriber's own (authenticated) stream
     */
    void stream(Context ctx, String subscriptionId, boolean anonymous) {
        if (stopping) {
            throw new ApiError(503, "events", "the service is stopping");
        }
        try (StreamAdmission.Ticket ticket = anonymous ? admission.admitAnonymous(ctx.ip())
                : admission.admitSubscriber()) {
            serve(ctx, subscriptionId);
        }
    }

    private void serve(Context ctx, String subscriptionId) {
        String lastEventId = ctx.header("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = ctx.queryParam("lastEventId");
        }
        BlockingQueue<AlertEvent> queue = new ArrayBlockingQueue<>(settings.clientQueue());
        AtomicBoolean overflowed = new AtomicBoolean();
        Runnable stopper = () -> {
            overflowed.set(true);
            closeConnection(ctx);
        };
        stoppers.add(stopper);
        HttpServletResponse res = ctx.res();
        AlertFeed.Attachment attachment = feed.attach(subscriptionId, lastEventId, alert -> {
            if (!queue.offer(alert) && overflowed.compareAndSet(false, true)) {
                // the client stopped reading: cut the connection so a blocked write fails at once
                LOG.info("Live stream of {} fell {} alerts behind; disconnecting it", subscriptionId,
                        settings.clientQueue());
                closeConnection(ctx);
            }
        });
        try {
            res.setStatus(200);
            res.setContentType("text/event-stream");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("X-Accel-Buffering", "no");
            OutputStream out = res.getOutputStream();
            write(out, "retry: 2000\n: connected " + Instant.now() + "\n\n");
            if (attachment.reset()) {
                write(out, "event: reset\ndata: " + Json.mapper().writeValueAsString(Map.of("reason",
                        "the last event id is no longer buffered; the buffered alerts follow")) + "\n\n");
            }
            for (AlertEvent alert : attachment.missed()) {
                write(out, event(alert));
            }
            long heartbeatNanos = settings.heartbeat().toNanos();
            long idleNanos = settings.idleTimeout().toNanos();
            long quietSince = System.nanoTime();
            long lastAlert = quietSince;
            while (!overflowed.get()) {
                if (System.nanoTime() - lastAlert >= idleNanos) {
                    // the slot goes back to the pool; a browser's EventSource reconnects by itself
                    write(out, "event: idle\ndata: " + Json.mapper().writeValueAsString(Map.of("reason",
                            "no alert for " + settings.idleTimeout().toSeconds() + " s; reconnect with Last-Event-ID"))
                            + "\n\n");
                    break;
                }
                // short polls so that a stopping server or a lagging client ends the loop promptly
                AlertEvent next = queue.poll(Math.min(heartbeatNanos, TimeUnit.MILLISECONDS.toNanos(250)),
                        TimeUnit.NANOSECONDS);
                if (overflowed.get()) {
                    break;
                }
                if (next != null) {
                    write(out, event(next));
                    quietSince = System.nanoTime();
                    lastAlert = quietSince;
                } else if (System.nanoTime() - quietSince >= heartbeatNanos) {
                    write(out, ": heartbeat " + Instant.now() + "\n\n");
                    quietSince = System.nanoTime();
                }
            }
        } catch (IOException e) {
            LOG.debug("Live stream of {} closed: {}", subscriptionId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stoppers.remove(stopper);
            attachment.detach().run();
        }
    }

    /** Ends every open stream, e.g. when the server stops; clients reconnect with their Last-Event-ID. */
    void stopAll() {
        stopping = true;
        stoppers.forEach(Runnable::run);
    }

    /** Streams open now. */
    int openStreams() {
        return admission.open();
    }

    private static String event(AlertEvent alert) throws JsonProcessingException {
        // the JSON is on one line, so one data field carries it
        return "id: " + alert.alertId() + "\nevent: alert\ndata: " + Json.mapper().writeValueAsString(alert) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeConnection(Context ctx) {
        try {
            Request.getBaseRequest(ctx.req()).getHttpChannel().getEndPoint().close();
        } catch (RuntimeException e) {
            LOG.debug("Cannot close a lagging live stream: {}", e.toString());
        }
    }
}
