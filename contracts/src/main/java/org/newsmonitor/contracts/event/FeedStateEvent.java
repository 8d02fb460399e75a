package org.newsmonitor.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * What the ingester remembers about one feed, on the compacted {@code news-feed-state} topic (key: {@link #feedId()}),
 * so that a restart neither re-fetches needlessly nor republishes old items.
 *
 * @param schemaVersion       version of this record's shape
 * @param feedId              feed id
 * @param url                 the URL polled (after a permanent redirect, the new one)
 * @param etag                last ETag validator; may be null
 * @param lastModified        last Last-Modified validator, verbatim; may be null
 * @param seenIds             ids of recently published items, newest last; bounded by the ingester
 * @param lastSuccessAt       last successful poll; may be null
 * @param lastError           last failure, in one line naming the URL and reason; may be null
 * @param lastErrorAt         when it failed; may be null
 * @param consecutiveFailures failures since the last success
 * @param nextPollAt          when the feed is due next; may be null
 * @param disabled            true when the feed was disabled (e.g. 410 Gone)
 */
public record FeedStateEvent(
        int schemaVersion,
        String feedId,
        String url,
        String etag,
        String lastModified,
        List<String> seenIds,
        Instant lastSuccessAt,
        String lastError,
        Instant lastErrorAt,
        int consecutiveFailures,
        Instant nextPollAt,
        boolean disabled) implements KeyedRecord {

    public static final int CURRENT_VERSION = 1;

    public FeedStateEvent {
        String r = "FeedStateEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        feedId = Checks.nonBlank(r, "feedId", feedId);
        url = Checks.nonBlank(r, "url", url);
        seenIds = Checks.list(seenIds);
        if (consecutiveFailures < 0) {
            throw new InvalidRecordException(r, "consecutiveFailures", "must not be negative, was " + consecutiveFailures);
        }
    }

    /** The key of a feed-state record: its {@link #feedId()}. */
    @Override
    public String recordKey() {
        return feedId;
    }
}
