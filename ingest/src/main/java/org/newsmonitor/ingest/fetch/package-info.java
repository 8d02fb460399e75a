/**
 * Polite, bounded HTTP fetching of feeds with {@code java.net.http}: conditional GET, gzip with the size cap counted
 * after decompression, a whole-fetch deadline that also bounds a slowly dripping body, redirects followed by hand
 * (at most {@link org.newsmonitor.ingest.fetch.HttpLimits#maxRedirects()}, each hop checked by the {@link
 * org.newsmonitor.outbound.SsrfGuard} and its connection pinned to the address checked), and Retry-After. The outcome
 * is always a {@link org.newsmonitor.ingest.fetch.FetchResult}; nothing here throws for a bad server. {@link
 * org.newsmonitor.ingest.fetch.HostLimiter} holds the per-host politeness (connection slots, hourly budget) shared by
 * feed polls and article-page fetches, so that neither package depends on the other.
 */
package org.newsmonitor.ingest.fetch;
