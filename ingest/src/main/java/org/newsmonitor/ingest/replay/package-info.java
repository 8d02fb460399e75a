/**
 * Replay of archives into {@code news-articles}: directories of feed XML snapshots (also .gz), JSON Lines dumps of
 * articles (the topic's own JSON, so a topic dump replays, or the short form {@code {"id","title","summary"}}), and
 * WARC files of archived feeds or article pages (pages reduced to title and text).
 * {@link org.newsmonitor.ingest.replay.ArchiveReader} reads them all, for replay and for {@code monitor match}, and
 * every article passes the feeds' normaliser. {@link org.newsmonitor.ingest.replay.Replayer} publishes in
 * publication-time order, skips every article id already on the topic (so replaying twice adds nothing), and reports
 * a {@link org.newsmonitor.ingest.replay.ReplaySummary} in which every item read is counted once; a malformed file is
 * reported with its path and skipped, a malformed line with its file and line number, and sent to the dead-letter
 * topic.
 * {@link org.newsmonitor.ingest.replay.SampleArchive} is the archive bundled for a first run without internet.
 */
package org.newsmonitor.ingest.replay;
