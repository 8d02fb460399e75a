package org.newsmonitor.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One feed's health.
 *
 * @param feedId              feed id
 * @param title               feed title
 * @param url                 URL polled (after a remembered permanent redirect, the new one)
 * @param language            configured language; may be null
 * @param tags                configured tags; never null
 * @param status              summary status
 * @param lastSuccessAt       last successful poll; may be null
 * @param lastError           last failure with URL and reason; may be null
 * @param lastErrorAt         when it failed; may be null
 * @param consecutiveFailures failures since the last success
 * @param nextPollAt          when it is due; may be null (disabled, or not scheduled yet)
 * @param articlesPublished   articles published by this process
 */
public record FeedHealth(String feedId, String title, String url, String language, List<String> tags,
        FeedStatus status, Instant lastSuccessAt, String lastError, Instant lastErrorAt, int consecutiveFailures,
        Instant nextPollAt, long articlesPublished) {

    public FeedHealth {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** True when the feed is polled successfully (or not yet polled). */
    public boolean healthy() {
        return status == FeedStatus.OK || status == FeedStatus.PENDING;
    }

    /** One line for a terminal: id, status, last success, failures, next poll and the last error when failing. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(feedId).append("  ").append(status);
        s.append("  last ok ").append(lastSuccessAt == null ? "never" : lastSuccessAt);
        if (consecutiveFailures > 0) {
            s.append("  failures ").append(consecutiveFailures);
        }
        s.append("  next ").append(nextPollAt == null ? "-" : nextPollAt);
        if (!healthy() && lastError != null) {
            s.append("  error: ").append(lastError);
        }
        return s.toString();
    }
}
