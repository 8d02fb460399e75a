/**
 * The stream service: a Kafka Streams application that turns articles into theme matches, statistics and surges.
 *
 * <h2>Running it</h2>
 * {@code new StreamService(StreamConfig.of(clientSettings, stateDir))}, then {@link
 * org.newsmonitor.stream.StreamService#start()} (returns once running) and {@link
 * org.newsmonitor.stream.StreamService#close()}. {@link org.newsmonitor.stream.ThemePublisher} puts theme files on
 * the themes topic; the service picks changes up while running. {@link org.newsmonitor.stream.ThemeMatchTopology}
 * is the topology as a pure function, tested with {@code TopologyTestDriver}.
 *
 * <h2>What it does to each article</h2>
 * <ol>
 *   <li><b>Read.</b> Records of {@code news-articles} are read as bytes; malformed JSON, a record failing
 *       validation or an empty value goes to {@code news-dead-letters} with {@code DlqHeaders}, and the next record
 *       is processed. Event time is the publication time, clamped to at most one day ahead of the wall clock.</li>
 *   <li><b>De-duplicate.</b> An article id seen within the last 7 days (wall-clock time) is dropped.</li>
 *   <li><b>Match.</b> Against the themes in force in the global theme catalog store and, in the same pass, the
 *       subscriptions' private queries of the global {@code subscription-queries-store} (fed by
 *       {@code news-subscriptions}, see {@link org.newsmonitor.stream.query}). Empty articles are skipped
 *       with a logged reason; bodies beyond 100,000 characters are matched on their beginning.</li>
 *   <li><b>Cluster.</b> All articles meet in one partition, where an LSH index over the stemmed words and numbers
 *       of the title and summary gives other outlets' versions of a report published within 48 hours of each other
 *       (weighted similarity at least 0.4, titles giving no different numbers) the story id of the first copy seen;
 *       a story spans at most 72 hours (docs/stories.md).</li>
 *   <li><b>Emit</b> one {@code ThemeMatchEvent} per theme hit to {@code news-theme-matches}, keyed by story id, and
 *       one per query hit to {@code news-query-matches} (themeId {@code query:<subscription id>}), never to the
 *       theme matches or the counts.</li>
 *   <li><b>Count</b> matches per theme in hourly windows (6 hours' grace) and daily windows (one day's grace),
 *       queryable for 30 and 400 days, and published to {@code news-theme-stats}; and matches per polarity per
 *       day, the cooperation-vs-friction balance.</li>
 *   <li><b>Surge</b>: an hour whose count is at least max(3, 3 x the mean of the previous 24 hours) produces one
 *       {@code SurgeEvent} on {@code news-theme-surges}.</li>
 * </ol>
 *
 * <h2>Limits worth knowing</h2>
 * De-duplication is per partition of {@code news-articles}: the ingester keys records by article id, so every copy
 * of an id meets the same store; a producer keying records otherwise would defeat it.
 * Window stores keep time relative to the newest event seen: replaying an archive much older than the grace
 * periods still yields matches, but those old hours are no longer counted, and old articles are clustered only
 * with each other while the story index still holds their time. A theme change applies from the next article the
 * instance processes after its global thread has read the change (usually milliseconds). The theme catalog is
 * rebuilt from the compacted topic at start-up, so a theme whose latest record is invalid and whose earlier valid
 * record has been compacted away stays out of force (and reported) until fixed.
 */
package org.newsmonitor.stream;
