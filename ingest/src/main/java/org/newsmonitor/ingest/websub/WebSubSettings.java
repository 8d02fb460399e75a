package org.newsmonitor.ingest.websub;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * WebSub settings of the ingester. Without a callback base WebSub is off and every feed is polled as before.
 *
 * @param callbackBase   the public URL at which hubs reach the ingest HTTP listener (e.g.
 *                       {@code https://monitor.example.org/ingest}); each subscription's callback is
 *                       {@code <base>/websub/<feed id>/<random token>}; null when WebSub is off
 * @param lease          the lease asked of hubs (they may grant another)
 * @param verifyTimeout  how long a hub may take to verify our intent before the feed falls back to polling
 * @param retryAfter     how long after the last of a feed's advertised hubs failed (no verification, denial,
 *                       refusal, bad signature, lease lost) the first is asked again; until every one has failed,
 *                       the next hub is asked at once
 * @param renewAt        the fraction of a lease after which it is renewed, in (0, 1)
 * @param deliveriesPerHour authenticated deliveries accepted per feed in any hour; more are answered 429 (the hub
 *                       retries later, and the feed's polling goes on)
 */
public record WebSubSettings(URI callbackBase, Duration lease, Duration verifyTimeout, Duration retryAfter,
        double renewAt, int deliveriesPerHour) {
    /** Deliveries accepted per feed and hour by default: one every 10 s on average. */
    public static final int DEFAULT_DELIVERIES_PER_HOUR = 360;
    /** Environment variable naming the public callback base URL. */
    public static final String CALLBACK_ENV = "MONITOR_WEBSUB_CALLBACK";

    public WebSubSettings {
        if (callbackBase != null) {
            String scheme = callbackBase.getScheme();
            if (scheme == null || !scheme.matches("(?i)https?") || callbackBase.getHost() == null) {
                throw new IllegalArgumentException("WebSub callback base must be an absolute http(s) URL, was '"
                        + callbackBase + "'");
            }
        }
        positive("lease", lease);
        positive("verifyTimeout", verifyTimeout);
        positive("retryAfter", retryAfter);
        if (!(renewAt > 0 && renewAt < 1)) {
            throw new IllegalArgumentException("renewAt must be in (0, 1), was " + renewAt);
        }
        if (deliveriesPerHour < 1) {
            throw new IllegalArgumentException("deliveriesPerHour must be at least 1, was " + deliveriesPerHour);
        }
    }

    /** WebSub off. */
    public static WebSubSettings off() {
        return new WebSubSettings(null, Duration.ofDays(10), Duration.ofSeconds(60), Duration.ofHours(1), 0.8,
                DEFAULT_DELIVERIES_PER_HOUR);
    }

    /**
     * Defaults with a callback base: a 10-day lease, a minute for the hub to verify, another try an hour after a
     * failure, renewal at 80 % of the lease.
     *
     * @param callbackBase the public base URL; null for WebSub off
     */
    public static WebSubSettings withCallback(URI callbackBase) {
        return new WebSubSettings(callbackBase, Duration.ofDays(10), Duration.ofSeconds(60), Duration.ofHours(1),
                0.8, DEFAULT_DELIVERIES_PER_HOUR);
    }

    /**
     * From {@value #CALLBACK_ENV} (absent or blank: off).
     *
     * @throws IllegalArgumentException naming the variable when its value is not an absolute http(s) URL
     */
    public static WebSubSettings fromEnv(Map<String, String> env) {
        String value = env.get(CALLBACK_ENV);
        if (value == null || value.isBlank()) {
            return off();
        }
        try {
            return withCallback(URI.create(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CALLBACK_ENV + ": " + e.getMessage(), e);
        }
    }

    /** A copy with other timings (tests and the freshness benchmark). */
    public WebSubSettings withTimings(Duration newLease, Duration newVerifyTimeout, Duration newRetryAfter) {
        return new WebSubSettings(callbackBase, newLease, newVerifyTimeout, newRetryAfter, renewAt,
                deliveriesPerHour);
    }

    /** A copy accepting another number of deliveries per feed and hour. */
    public WebSubSettings withDeliveriesPerHour(int perHour) {
        return new WebSubSettings(callbackBase, lease, verifyTimeout, retryAfter, renewAt, perHour);
    }

    /** True when a callback base is set. */
    public boolean enabled() {
        return callbackBase != null;
    }

    /**
     * The callback URL of one subscription of a feed: {@code <base>/websub/<feed id>/<token>}.
     *
     * @param feedId the feed
     * @param token  the subscription's random token, which only the hub learns
     */
    public URI callback(String feedId, String token) {
        String base = callbackBase.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + WebSubCallback.PATH
                + feedId + "/" + token);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
