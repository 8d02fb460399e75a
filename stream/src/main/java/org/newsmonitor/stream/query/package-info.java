/**
 * Subscriptions' private queries in the stream service: {@link org.newsmonitor.stream.query.SubscriptionQueryStore}
 * keeps the queries of {@code news-subscriptions} compiled as one-rule themes, so that the theme matcher matches
 * them with the catalog from the next article on; {@link org.newsmonitor.matching.QueryHits} turns the
 * matcher's hits into query matches for {@code news-query-matches}.
 */
package org.newsmonitor.stream.query;
