/**
 * Matching one article against themes and subscription queries, free of Kafka Streams so that the stream
 * application, the archive search and subscription preview of the alerts service, and the command line share one
 * owner: {@link org.newsmonitor.matching.ArticleText} prepares the text (over-long fields cut, empty articles skipped
 * with a reason), {@link org.newsmonitor.matching.ArticleMatch} runs the matcher on it,
 * {@link org.newsmonitor.matching.QueryHits} turns a subscription query into hits,
 * {@link org.newsmonitor.matching.MatchEvents} makes the {@code theme-matches} record of a hit, and
 * {@link org.newsmonitor.matching.ThemeDefinitions} and {@link org.newsmonitor.matching.PublishedLexicons} convert
 * between the wire theme definitions and the themes library.
 */
package org.newsmonitor.matching;
