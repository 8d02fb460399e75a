package org.newsmonitor.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param recentItemTimes     publication times of the feed's latest items, oldest first, bounded by the ingester
 *                            (its adaptive polling learns the feed's rhythm from them); empty in older records
 * @param hourlyActivity      24 weights, one per hour of the feed's local day: the share of its recent items (a
 *                            moving average over about the last hundred) published in that hour; empty in older
 *                            records
 * @param pollIntervalSeconds the interval the polling policy chose at the last poll, in seconds; may be null
 * @param pollReason          why the feed is due at {@code nextPollAt}, in one line (e.g. "adaptive: expected gap
 *                            4 min (median gap 5 min over 30 items, this hour 1.2x as busy)"); may be null
 * @param fullTextOutcomes    how often the ingester fetched an article page for a teaser item, by outcome:
 *                            {@code page} (text taken from the page) or the reason the feed's text was kept
 *                            ({@code robots}, {@code timeout}, {@code too-large}, {@code not-html}, ...); counts
 *                            since the feed was first polled; empty in older records
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
        boolean disabled,
        List<Instant> recentItemTimes,
        List<Double> hourlyActivity,
        Long pollIntervalSeconds,
        String pollReason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> fullTextOutcomes) implements KeyedRecord {

    public static final int CURRENT_VERSION = 1;

    public FeedStateEvent {
        String r = "FeedStateEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        feedId = Checks.nonBlank(r, "feedId", feedId);
        url = Checks.nonBlank(r, "url", url);
        seenIds = Checks.list(seenIds);
        recentItemTimes = Checks.list(recentItemTimes);
        hourlyActivity = Checks.list(hourlyActivity);
        if (!hourlyActivity.isEmpty() && hourlyActivity.size() != 24) {
            throw new InvalidRecordException(r, "hourlyActivity", "must have 24 weights or none, had "
                    + hourlyActivity.size());
        }
        if (pollIntervalSeconds != null && pollIntervalSeconds < 0) {
            throw new InvalidRecordException(r, "pollIntervalSeconds", "must not be negative, was "
                    + pollIntervalSeconds);
        }
        if (consecutiveFailures < 0) {
            throw new InvalidRecordException(r, "consecutiveFailures", "must not be negative, was " + consecutiveFailures);
        }
        fullTextOutcomes = fullTextOutcomes == null ? Map.of() : fullTextOutcomes;
        for (Map.Entry<String, Long> e : fullTextOutcomes.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null || e.getValue() < 0) {
                throw new InvalidRecordException(r, "fullTextOutcomes", "must map outcome names to counts of at "
                        + "least 0, had " + e.getKey() + "=" + e.getValue());
            }
        }
        fullTextOutcomes = Collections.unmodifiableMap(new TreeMap<>(fullTextOutcomes));
    }

    /** A record without full-text counts (as written before pages were fetched for teaser items). */
    public FeedStateEvent(int schemaVersion, String feedId, String url, String etag, String lastModified,
            List<String> seenIds, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
            int consecutiveFailures, Instant nextPollAt, boolean disabled, List<Instant> recentItemTimes,
            List<Double> hourlyActivity, Long pollIntervalSeconds, String pollReason) {
        this(schemaVersion, feedId, url, etag, lastModified, seenIds, lastSuccessAt, lastError, lastErrorAt,
                consecutiveFailures, nextPollAt, disabled, recentItemTimes, hourlyActivity, pollIntervalSeconds,
                pollReason, Map.of());
    }

    /** A record without polling history (as written before adaptive polling). */
    public FeedStateEvent(int schemaVersion, String feedId, String url, String etag, String lastModified,
            List<String> seenIds, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
            int consecutiveFailures, Instant nextPollAt, boolean disabled) {
        this(schemaVersion, feedId, url, etag, lastModified, seenIds, lastSuccessAt, lastError, lastErrorAt,
                consecutiveFailures, nextPollAt, disabled, List.of(), List.of(), null, null, Map.of());
    }

    /** The key of a feed-state record: its {@link #feedId()}. */
    @Override
    public String recordKey() {
        return feedId;
    }
}
