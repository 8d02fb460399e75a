/**
 * Publishing to Kafka without loss or duplicates. {@link org.newsmonitor.ingest.publish.KafkaArticlePublisher}
 * writes a poll's new articles to {@code news-articles} and the feed's new state to {@code news-feed-state} in one
 * transaction (idempotent producer, acks=all, lz4), so an item counts as seen exactly when Kafka committed it. When
 * Kafka is down, calls fail within the configured timeout instead of blocking, nothing is marked seen, and the next
 * poll fetches the items again. Records that would still be too large after truncation go to {@code
 * news-dead-letters} instead, and the rest of the batch is published.
 */
package org.newsmonitor.ingest.publish;
