package org.newsmonitor.alerts.web;

import java.time.Duration;

/**
 * Limits of the live alert streams. Anonymous streams (the dashboard's {@code /alerts/events}) and subscribers' own
 * streams ({@code /subscriptions/{id}/events}) have separate caps, so that anonymous clients cannot starve a
 * subscriber.
 *
 * @param heartbeat              a comment line is sent after this much silence, keeping proxies and idle timeouts away
 * @param clientQueue            alerts buffered for one client; a client that falls this far behind is disconnected
 * @param maxClients             subscribers' own streams open at once; more are refused with 503
 * @param maxAnonymous           anonymous streams open at once; more are refused with 503
 * @param maxAnonymousPerAddress anonymous streams open at once from one client address; more are refused with 429
 * @param idleTimeout            a stream that carried no alert for this long is ended (an "idle" event); browsers
 *                               reconnect by themselves
 */
public record SseSettings(Duration heartbeat, int clientQueue, int maxClients, int maxAnonymous,
        int maxAnonymousPerAddress, Duration idleTimeout) {
    public SseSettings {
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("SseSettings.heartbeat must be positive");
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("SseSettings.idleTimeout must be positive");
        }
        if (clientQueue < 1 || maxClients < 1 || maxAnonymous < 1 || maxAnonymousPerAddress < 1) {
            throw new IllegalArgumentException("SseSettings.clientQueue, maxClients, maxAnonymous and "
                    + "maxAnonymousPerAddress must be at least 1");
        }
    }

    /** With the default anonymous caps and idle limit. */
    public SseSettings(Duration heartbeat, int clientQueue, int maxClients) {
        this(heartbeat, clientQueue, maxClients, DEFAULT_MAX_ANONYMOUS, DEFAULT_MAX_ANONYMOUS_PER_ADDRESS,
                DEFAULT_IDLE_TIMEOUT);
    }

    private static final int DEFAULT_MAX_ANONYMOUS = 50;
    private static final int DEFAULT_MAX_ANONYMOUS_PER_ADDRESS = 8;
    private static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

    /**
     * 15 s heartbeats, 256 queued alerts per client, 100 subscriber streams, 50 anonymous streams of which 8 per
     * client address, streams ended after 30 minutes without an alert.
     */
    public static SseSettings defaults() {
        return new SseSettings(Duration.ofSeconds(15), 256, 100);
    }
}
