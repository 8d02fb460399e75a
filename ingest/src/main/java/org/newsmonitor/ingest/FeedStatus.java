package org.newsmonitor.ingest;

/** The health of one feed, as {@code ingest feeds} shows it. */
public enum FeedStatus {
    /** Not polled yet. */
    PENDING,
    /** The last poll succeeded. */
    OK,
    /** The last poll failed; retried with backoff. */
    FAILING,
    /** Failed several times in a row (see the backoff policy's unhealthyAfter). */
    UNHEALTHY,
    /** Disabled after 410 Gone. */
    DISABLED,
    /** Fetched, but Kafka is unavailable; nothing is lost, the feed is fetched again when Kafka returns. */
    KAFKA_UNAVAILABLE
}
