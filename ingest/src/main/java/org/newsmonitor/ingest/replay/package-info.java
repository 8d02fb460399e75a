/**
 * Replay of archives into {@code news-articles}: directories of feed XML snapshots (also .gz), JSON Lines dumps of
 * articles (the topic's own JSON, so a topic dump replays), and WARC files of archived feeds or article pages (pages
 * reduced to title and text). {@link org.newsmonitor.ingest.replay.Replayer} publishes in publication-time order,
 * skips every article id already on the topic (so replaying twice adds nothing), and reports a {@link
 * org.newsmonitor.ingest.replay.ReplaySummary}; a malformed file is reported with its path and skipped.
 * {@link org.newsmonitor.ingest.replay.SampleArchive} is the archive bundled for a first run without internet.
 */
package org.newsmonitor.ingest.replay;
