package org.newsmonitor.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The outcome of fetching a feed: a body, "not modified", or a failure with its reason. */
public sealed interface FetchResult {

    /** The URL the last request went to. */
    URI finalUri();

    /**
     * A body was received.
     *
     * @param finalUri     URL after redirects; relative links resolve against it
     * @param permanentUri the new URL when only permanent redirects (301/308) led here; may be null
     * @param body         decompressed body; never null
     * @param contentType  the Content-Type header; may be null
     * @param validators   the new validators to send next time
     * @param maxAge       the Cache-Control max-age; may be null
     * @param retryAfter   the Retry-After, capped at 24 h; may be null
     * @param links        the values of the response's {@code Link} headers (WebSub hub discovery); never null
     */
    record Fetched(URI finalUri, URI permanentUri, byte[] body, String contentType, Validators validators,
            Duration maxAge, Duration retryAfter, List<String> links) implements FetchResult {

        public Fetched {
            links = links == null ? List.of() : List.copyOf(links);
        }

        /** A body without Link headers. */
        public Fetched(URI finalUri, URI permanentUri, byte[] body, String contentType, Validators validators,
                Duration maxAge, Duration retryAfter) {
            this(finalUri, permanentUri, body, contentType, validators, maxAge, retryAfter, List.of());
        }

        /** A body without caching hints. */
        public Fetched(URI finalUri, URI permanentUri, byte[] body, String contentType, Validators validators) {
            this(finalUri, permanentUri, body, contentType, validators, null, null);
        }
    }

    /**
     * The server answered 304 Not Modified.
     *
     * @param finalUri     URL after redirects
     * @param permanentUri the new URL after permanent redirects; may be null
     * @param maxAge       the Cache-Control max-age; may be null
     * @param retryAfter   the Retry-After, capped at 24 h; may be null
     */
    record NotModified(URI finalUri, URI permanentUri, Duration maxAge, Duration retryAfter) implements FetchResult {

        /** A 304 without caching hints. */
        public NotModified(URI finalUri, URI permanentUri) {
            this(finalUri, permanentUri, null, null);
        }
    }

    /**
     * The fetch failed.
     *
     * @param finalUri   the URL of the failing request
     * @param kind       what kind of failure
     * @param status     HTTP status, or 0 when there was no response
     * @param reason     one line saying what went wrong
     * @param retryAfter the server's Retry-After, capped at 24 h; may be null
     */
    record Failed(URI finalUri, FailureKind kind, int status, String reason, Duration retryAfter) implements FetchResult {
    }

    /** Kinds of fetch failure. */
    enum FailureKind {
        /** DNS, refused connection, reset or early close. */
        NETWORK,
        /** Connect, header or whole-fetch deadline passed. */
        TIMEOUT,
        /** A 4xx or 5xx status other than those below. */
        HTTP_STATUS,
        /** 429, or 503 with Retry-After. */
        THROTTLED,
        /** 410 Gone: the feed is disabled. */
        GONE,
        /** The body exceeded the limit. */
        TOO_LARGE,
        /** The SSRF policy refused the target (or a redirect hop). */
        BLOCKED,
        /** Redirect loop, too many redirects or a bad Location. */
        REDIRECT,
        /** The caller's {@link RedirectCheck} refused a redirect target. */
        REDIRECT_REFUSED,
        /** The body could not be decoded (corrupt gzip). */
        BAD_BODY
    }
}
