package org.newsmonitor.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param pollInterval        the interval chosen at the last poll; null before the first
 * @param pollReason          why the feed is due at {@code nextPollAt} (e.g. "adaptive: expected gap 12 min (median
 *                            gap 12 min over 20 items)", "adaptive: busy cap 23 min, ...", "floor 2 min (...)", "max-age 600 s", "Retry-After until ...", "host budget: ...");
 *                            null before the first poll
 * @param webSub              the feed's WebSub subscription in one line (e.g. "active via https://hub.example/, lease
 *                            until ..., 3 deliveries", "pending: ...", "failed: ...; polling; ..."); null when WebSub
 *                            is off or the feed advertises no hub
 * @param fullText            how often the article page of a teaser item was fetched, by outcome: {@code page} (its
 *                            text was published) or why the feed's text was kept ({@code robots}, {@code timeout},
 *                            {@code too-large}, {@code not-html}, {@code hostile}, {@code blocked}, ...); never null
 */
public record FeedHealth(String feedId, String title, String url, String language, List<String> tags,
        FeedStatus status, Instant lastSuccessAt, String lastError, Instant lastErrorAt, int consecutiveFailures,
        Instant nextPollAt, long articlesPublished, Duration pollInterval, String pollReason, String webSub,
        Map<String, Long> fullText) {

    public FeedHealth {
        tags = tags == null ? List.of() : List.copyOf(tags);
        fullText = fullText == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(fullText));
    }

    /** A feed's health without WebSub state or full-text counts. */
    public FeedHealth(String feedId, String title, String url, String language, List<String> tags, FeedStatus status,
            Instant lastSuccessAt, String lastError, Instant lastErrorAt, int consecutiveFailures, Instant nextPollAt,
            long articlesPublished, Duration pollInterval, String pollReason) {
        this(feedId, title, url, language, tags, status, lastSuccessAt, lastError, lastErrorAt, consecutiveFailures,
                nextPollAt, articlesPublished, pollInterval, pollReason, null, Map.of());
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
        if (pollInterval != null) {
            s.append("  every ").append(org.newsmonitor.ingest.poll.PollingPolicy.human(pollInterval));
        }
        if (pollReason != null) {
            s.append(" (").append(pollReason).append(')');
        }
        if (webSub != null) {
            s.append("  websub: ").append(webSub);
        }
        if (!fullText.isEmpty()) {
            s.append("  full text: ");
            fullText.forEach((outcome, n) -> s.append(outcome).append(' ').append(n).append(", "));
            s.setLength(s.length() - 2);
        }
        if (!healthy() && lastError != null) {
            s.append("  error: ").append(lastError);
        }
        return s.toString();
    }
}
