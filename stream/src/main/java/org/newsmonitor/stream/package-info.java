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
 *   <li><b>Count</b> what is on {@code news-theme-matches} (read back, into one task): matches per theme per UTC
 *       hour and day of publication, and per polarity per day (the cooperation-vs-friction balance), in a key-value
 *       store, whatever the arrival order; published to {@code news-theme-stats}. A match whose publication time
 *       cannot be bucketed is counted as excluded (metric, log) instead.</li>
 *   <li><b>Surge</b>: a current hour (ended at most 6 hours ago by the wall clock) whose count is at least
 *       max(3, 3 x the mean of the previous 24 hours) produces one {@code SurgeEvent} on
 *       {@code news-theme-surges}; replayed history is counted but yields no surge.</li>
 * </ol>
 *
 * <h2>Limits worth knowing</h2>
 * De-duplication is per partition of {@code news-articles}: the ingester keys records by article id, so every copy
 * of an id meets the same store; a producer keying records otherwise would defeat it.
 * The story index keeps time relative to the newest event seen: old articles of a replayed archive are clustered
 * only with each other while the index still holds their time (their matches and counts are complete). A theme
 * change applies from the next article the instance processes after its global thread has read the change
 * (usually milliseconds). The theme catalog is rebuilt from the compacted topic at start-up, so a theme whose latest record is invalid and whose earlier valid
 * record has been compacted away stays out of force (and reported) until fixed.
 */
package org.newsmonitor.stream;
