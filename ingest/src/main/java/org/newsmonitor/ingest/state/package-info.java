/**
 * What the ingester remembers, kept in Kafka only: per-feed state restored from the compacted {@code news-feed-state}
 * topic ({@link org.newsmonitor.ingest.state.KafkaFeedStateStore}), bounded lists of seen item ids ({@link
 * org.newsmonitor.ingest.state.SeenIds}), and for replays the set of article ids already on {@code news-articles}
 * ({@link org.newsmonitor.ingest.state.PublishedIdIndex}). Every read is read_committed and bounded by a timeout.
 */
package org.newsmonitor.ingest.state;
