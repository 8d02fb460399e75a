package org.newsmonitor.ingest.fetch;

import java.time.Duration;

/**
 * Limits of feed fetching.
 *
 * @param connectTimeout  longest wait for a TCP/TLS connection
 * @param readTimeout     longest wait for the response headers of one request
 * @param totalTimeout    deadline of a whole fetch, all redirects and the body included (bounds a slow drip)
 * @param maxBodyBytes    largest body accepted, counted after decompression
 * @param maxConcurrency  fetches in flight at once, over all feeds
 * @param maxPerHost      fetches in flight at once to one host
 * @param userAgent       the User-Agent header, naming the monitor
 * @param maxRedirects    redirects followed before giving up
 */
public record HttpLimits(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBodyBytes,
        int maxConcurrency, int maxPerHost, String userAgent, int maxRedirects) {

    /** The User-Agent sent by default. */
    public static final String DEFAULT_USER_AGENT =
            "news-monitor/0.1 (Russia-China news monitor; feed reader; polls politely with conditional GET)";

    public HttpLimits {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("totalTimeout", totalTimeout);
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
        }
        if (maxConcurrency < 1 || maxPerHost < 1) {
            throw new IllegalArgumentException("maxConcurrency and maxPerHost must be at least 1, were "
                    + maxConcurrency + " and " + maxPerHost);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be 0..20, was " + maxRedirects);
        }
    }

    /** 10 s connect, 20 s to headers, 30 s in all, 15 MiB, 8 fetches (2 per host), 5 redirects. */
    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), 15L << 20, 8, 2,
                DEFAULT_USER_AGENT, 5);
    }

    /** A copy with other timeouts. */
    public HttpLimits withTimeouts(Duration connect, Duration read, Duration total) {
        return new HttpLimits(connect, read, total, maxBodyBytes, maxConcurrency, maxPerHost, userAgent, maxRedirects);
    }

    /** A copy with another body limit. */
    public HttpLimits withMaxBodyBytes(long bytes) {
        return new HttpLimits(connectTimeout, readTimeout, totalTimeout, bytes, maxConcurrency, maxPerHost, userAgent,
                maxRedirects);
    }

    /** A copy with other concurrency limits. */
    public HttpLimits withConcurrency(int overall, int perHost) {
        return new HttpLimits(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, overall, perHost, userAgent,
                maxRedirects);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
