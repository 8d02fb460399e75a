/**
 * Theme statistics over event time: hourly and daily match counts per theme (also published on
 * {@code news-theme-stats}), surges against the recent hourly baseline ({@link org.newsmonitor.stream.stats.SurgeRule}),
 * and the daily cooperation-vs-friction balance.
 */
package org.newsmonitor.stream.stats;
