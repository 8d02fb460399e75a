/**
 * Theme statistics over event time, complete whatever the arrival order: {@link
 * org.newsmonitor.stream.stats.CountMatchesProcessor} counts every match of {@code news-theme-matches} in its UTC hour
 * and day per theme, and in its day of the cooperation-vs-friction balance, in a key-value store keyed by bucket
 * ({@link org.newsmonitor.stream.stats.TimeBuckets}), and publishes the counts on {@code news-theme-stats};
 * {@link org.newsmonitor.stream.stats.SurgeProcessor} judges current hours ({@link
 * org.newsmonitor.stream.stats.SurgeHorizon}) against the recent hourly baseline
 * ({@link org.newsmonitor.stream.stats.SurgeRule}).
 */
package org.newsmonitor.stream.stats;
