package org.newsmonitor.ingest.poll;

import java.time.Instant;

/**
 * What one poll of one feed did.
 *
 * @param feedId    the feed
 * @param kind      the kind of outcome
 * @param published articles published by this poll
 * @param reason    the failure, in one line; null on success
 * @param nextPollAt when the feed is due again; null when disabled
 */
public record PollOutcome(String feedId, Kind kind, int published, String reason, Instant nextPollAt) {

    /** Kinds of outcome. */
    public enum Kind {
        /** Fetched and parsed; {@link #published()} new articles committed (possibly 0). */
        FETCHED,
        /** 304 Not Modified. */
        NOT_MODIFIED,
        /** Fetch or parse failed; retried with backoff. */
        FAILED,
        /** Fetched, but Kafka did not commit; nothing marked seen, retried soon. */
        KAFKA_UNAVAILABLE,
        /** The feed is disabled (410 Gone) and was not fetched. */
        DISABLED
    }
}
