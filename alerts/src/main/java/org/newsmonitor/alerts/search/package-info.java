/**
 * Search over the articles the monitor holds, and the backtest of a subscription before it is saved.
 *
 * <p>{@link org.newsmonitor.alerts.search.ArticleIndex} is a Lucene index, rebuilt from {@code news-articles} and
 * {@code news-theme-matches} at every start and kept current by a consumer following both topics; it is a view,
 * Kafka is the truth. Text is analysed by {@link org.newsmonitor.alerts.search.TokenizerAnalyzer}, which splits it
 * into exactly the themes' tokens, and queries in the theme rule language are translated by
 * {@link org.newsmonitor.alerts.search.ExprQuery}, so search agrees with the matcher.
 * {@link org.newsmonitor.alerts.search.SubscriptionPreview} fetches candidates from the index and decides with the
 * production matcher and alert policy.
 */
package org.newsmonitor.alerts.search;
