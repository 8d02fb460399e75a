package org.newsmonitor.ingest.fulltext;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The robots.txt {@code Crawl-delay} of each site, kept: a page of a site that names one is requested only when that
 * long has passed since its last page. The pages of a poll are not held back to wait; a page whose turn comes too
 * soon keeps the feed's text. Thread-safe; at most {@value #MAX_SITES} sites are remembered (least recently used
 * dropped first).
 */
final class CrawlDelays {
    private static final int MAX_SITES = 10_000;

    private final Map<String, Instant> lastRequest = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_SITES;
        }
    };

    /**
     * Counts a page request to {@code site} at {@code now} if its crawl delay allows one.
     *
     * @param site  the site (scheme, host, port)
     * @param delay the site's Crawl-delay; null when it names none (then every request is allowed and counted)
     * @param now   the time of the request
     * @return null when the request was counted and may be sent; otherwise the time the site's delay allows the next
     */
    synchronized Instant take(String site, Duration delay, Instant now) {
        Instant last = lastRequest.get(site);
        if (delay != null && last != null && now.isBefore(last.plus(delay))) {
            return last.plus(delay);
        }
        lastRequest.put(site, now);
        return null;
    }
}
