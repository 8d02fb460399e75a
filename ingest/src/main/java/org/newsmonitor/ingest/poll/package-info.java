/**
 * Polling: {@link org.newsmonitor.ingest.poll.FeedPoller} runs one poll of one feed (fetch, parse, normalise, drop
 * what was seen, publish with the new state in one transaction) and records the outcome in the feed's {@link
 * org.newsmonitor.ingest.poll.FeedRuntime}; {@link org.newsmonitor.ingest.poll.PollingPolicy}, pure, decides when the
 * feed is due next (fixed or adaptive interval from its {@link org.newsmonitor.ingest.poll.PublicationHistory},
 * max-age, Retry-After) and why; {@link org.newsmonitor.ingest.poll.BackoffPolicy} decides when to try again after a
 * failure, honouring Retry-After; {@link org.newsmonitor.ingest.fetch.HostLimiter} bounds concurrent fetches and
 * requests per hour per host. A failing feed never affects the others.
 */
package org.newsmonitor.ingest.poll;
