package org.newsmonitor.ingest.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * When to poll a feed next, and why.
 *
 * @param at       when the feed is due; never null
 * @param interval the time from the poll to {@code at}; never null
 * @param reason   why, in one line (e.g. "adaptive: expected gap 12 min (median gap 12 min over 20 items)"); never null
 */
public record PollDecision(Instant at, Duration interval, String reason) {
}
