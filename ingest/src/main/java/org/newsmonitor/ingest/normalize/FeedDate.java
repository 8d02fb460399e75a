package org.newsmonitor.ingest.normalize;

import java.time.Instant;

/**
 * A date read from a feed.
 *
 * @param instant     the point in time; never null
 * @param zoneAssumed true when the text carried no usable zone and the feed's default zone was assumed
 */
public record FeedDate(Instant instant, boolean zoneAssumed) {
}
