package org.newsmonitor.ingest.fulltext;

import java.time.Duration;
import org.newsmonitor.ingest.fetch.HttpLimits;

/**
 * How the live ingester fetches article pages for teaser items.
 *
 * @param enabled             false to publish every item with the feed's own text (no page is fetched)
 * @param pageLimits          limits of one page fetch (robots.txt included): timeouts, size after decompression,
 *                            redirects, User-Agent
 * @param pollBudget          longest time one poll of one feed spends fetching pages; items whose turn comes later are
 *                            published with the feed's text
 * @param maxPagesPerPoll     most pages fetched in one poll of one feed
 * @param pageRequestsPerHour page requests per host in any hour (its own budget, beside the feeds')
 */
public record FullTextSettings(boolean enabled, HttpLimits pageLimits, Duration pollBudget, int maxPagesPerPoll,
        int pageRequestsPerHour) {
    /** The product token looked for in robots.txt User-agent lines. */
    public static final String ROBOT_NAME = "news-monitor";

    public FullTextSettings {
        if (pageLimits == null) {
            throw new IllegalArgumentException("pageLimits must be given");
        }
        if (pollBudget == null || pollBudget.isNegative() || pollBudget.isZero()) {
            throw new IllegalArgumentException("pollBudget must be positive, was " + pollBudget);
        }
        if (maxPagesPerPoll < 1 || pageRequestsPerHour < 1) {
            throw new IllegalArgumentException("maxPagesPerPoll and pageRequestsPerHour must be at least 1, were "
                    + maxPagesPerPoll + " and " + pageRequestsPerHour);
        }
    }

    /**
     * On; pages of at most 3 MiB within 10 s each (5 s to connect, 8 s to the headers), at most 20 pages and 30 s per
     * poll of a feed, 120 page requests per host and hour.
     */
    public static FullTextSettings defaults() {
        HttpLimits page = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(8),
                Duration.ofSeconds(10)).withMaxBodyBytes(3L << 20);
        return new FullTextSettings(true, page, Duration.ofSeconds(30), 20, 120);
    }

    /** No page is fetched. */
    public static FullTextSettings off() {
        return defaults().withEnabled(false);
    }

    /** A copy switched on or off. */
    public FullTextSettings withEnabled(boolean on) {
        return new FullTextSettings(on, pageLimits, pollBudget, maxPagesPerPoll, pageRequestsPerHour);
    }

    /** A copy with other page limits and poll budget. */
    public FullTextSettings withLimits(HttpLimits limits, Duration budget) {
        return new FullTextSettings(enabled, limits, budget, maxPagesPerPoll, pageRequestsPerHour);
    }
}
