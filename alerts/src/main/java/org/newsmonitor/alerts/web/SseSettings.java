package org.newsmonitor.alerts.web;

import java.time.Duration;

/**
 * Limits of the live alert streams.
 *
 * @param heartbeat   a comment line is sent after this much silence, keeping proxies and idle timeouts away
 * @param clientQueue alerts buffered for one client; a client that falls this far behind is disconnected
 * @param maxClients  streams open at once; more are refused with 503
 */
public record SseSettings(Duration heartbeat, int clientQueue, int maxClients) {
    public SseSettings {
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("SseSettings.heartbeat must be positive");
        }
        if (clientQueue < 1 || maxClients < 1) {
            throw new IllegalArgumentException("SseSettings.clientQueue and maxClients must be at least 1");
        }
    }

    /** 15 s heartbeats, 256 queued alerts per client, 100 clients. */
    public static SseSettings defaults() {
        return new SseSettings(Duration.ofSeconds(15), 256, 100);
    }
}
