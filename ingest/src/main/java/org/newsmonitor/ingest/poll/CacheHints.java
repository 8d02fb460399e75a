package org.newsmonitor.ingest.poll;

import java.time.Duration;

/**
 * What the server said about when to come back, from its last answer.
 *
 * @param maxAge     Cache-Control max-age: the document is fresh this long; may be null
 * @param retryAfter Retry-After on a successful answer; may be null
 */
public record CacheHints(Duration maxAge, Duration retryAfter) {
    /** No hints. */
    public static final CacheHints NONE = new CacheHints(null, null);
}
