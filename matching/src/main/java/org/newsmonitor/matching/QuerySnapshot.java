package org.newsmonitor.matching;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * The subscriptions' queries in force at one moment. The generation increases with every change, so a processor
 * rebuilds its matcher only when a query was added, changed or removed.
 *
 * @param generation increases with every change
 * @param queries    subscription id to its compiled query, ordered by id; never null
 */
public record QuerySnapshot(long generation, SortedMap<String, SubscriptionQuery> queries) {
    /** No queries yet. */
    public static final QuerySnapshot EMPTY = new QuerySnapshot(0, new TreeMap<>());

    public QuerySnapshot {
        queries = Collections.unmodifiableSortedMap(new TreeMap<>(queries));
    }

    /** The query of {@code subscriptionId}; null when it has none. */
    public SubscriptionQuery of(String subscriptionId) {
        return queries.get(subscriptionId);
    }

    /** Number of queries. */
    public int size() {
        return queries.size();
    }

    /** The queries as a map; never null. */
    public Map<String, SubscriptionQuery> asMap() {
        return queries;
    }
}
