/**
 * The ingester: feeds and archives in, normalised articles out on {@code news-articles}.
 *
 * <p>Entry points for the command line: {@link org.newsmonitor.ingest.IngestService} polls live feeds (configured by
 * {@link org.newsmonitor.ingest.IngestConfig}) and reports {@link org.newsmonitor.ingest.FeedHealth};
 * {@link org.newsmonitor.ingest.replay.Replayer} replays archives; {@link org.newsmonitor.ingest.replay.SampleArchive}
 * holds the bundled sample archive.
 *
 * <p>Sub-packages, in pipeline order: {@code feed} (feed lists), {@code fetch} (HTTP), {@code parse} (XML and
 * encodings), {@code normalize} (articles), {@code publish} (Kafka transactions), {@code state} (what is remembered),
 * {@code poll} (one poll of one feed), {@code replay} (archives).
 */
package org.newsmonitor.ingest;
