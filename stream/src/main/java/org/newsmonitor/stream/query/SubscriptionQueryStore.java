package org.newsmonitor.stream.query;

import java.time.Clock;
import java.util.SortedMap;
import java.util.TreeMap;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.TopicReader;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.matching.QuerySnapshot;
import org.newsmonitor.matching.SubscriptionQuery;
import org.newsmonitor.stream.global.TopicFedStore;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.QueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions' private queries, as a global state store fed by the compacted {@code news-subscriptions}
 * topic. Each record is compiled when it arrives: a subscription with a query puts it in force (replacing its
 * previous query), one without a query or a tombstone removes it. A record that cannot be read (malformed, invalid,
 * keyed differently from its id) or whose query does not compile is dead-lettered to {@code news-dead-letters}
 * through the store's sink, and that subscription's previous query stops matching; nothing read from the topic can
 * throw into the global stream thread. Kept in memory and rebuilt from the topic on every start, through the same
 * code path.
 *
 * <p>Written by the global stream thread only; read by processing threads through the immutable
 * {@link QuerySnapshot}.
 */
public final class SubscriptionQueryStore extends TopicFedStore {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionQueryStore.class);
    /** The stage named in the store's dead letters. */
    public static final String STAGE = "stream.subscription-queries";

    private final Lexicon lexicon;
    private final TopicReader<SubscriptionEvent> reader;
    private final SortedMap<String, SubscriptionQuery> active = new TreeMap<>();
    private volatile QuerySnapshot snapshot = QuerySnapshot.EMPTY;
    // bumped by every change; the snapshot is copied when asked for and out of date, so that restoring 10,000
    // subscriptions does not copy the map 10,000 times
    private volatile long generation;

    /**
     * @param name        the store name
     * @param lexicon     the named term lists queries may refer to
     * @param deadLetters where records that cannot be used go; thread-safe
     */
    public SubscriptionQueryStore(String name, Lexicon lexicon, DeadLetterSink deadLetters) {
        super(name);
        this.lexicon = lexicon;
        this.reader = new TopicReader<>(Topics.SUBSCRIPTIONS, STAGE, deadLetters, Clock.systemUTC());
    }

    /** The queries in force now; never null. */
    public QuerySnapshot snapshot() {
        QuerySnapshot current = snapshot;
        if (current.generation() == generation) {
            return current;
        }
        synchronized (this) {
            if (snapshot.generation() != generation) {
                snapshot = new QuerySnapshot(generation, active);
            }
            return snapshot;
        }
    }

    /**
     * Applies one record of {@code news-subscriptions}. Never throws.
     *
     * @param key       the record key (subscription id); a null key is dead-lettered
     * @param value     the raw value; null is a tombstone
     * @param partition the source partition, or -1
     * @param offset    the source offset, or -1
     */
    @Override
    public synchronized void apply(String key, byte[] value, int partition, long offset) {
        if (!reader.read(key, value, partition, offset, this::take) && key != null && active.remove(key) != null) {
            publish();
            LOG.warn("Subscription '{}': its query stops matching (its latest record was dead-lettered)", key);
        }
    }

    private void take(String key, SubscriptionEvent subscription) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Refused a record on topic '" + Topics.SUBSCRIPTIONS.name()
                    + "' without a subscription id as its key");
        }
        if (subscription == null || !subscription.hasQuery()) {
            if (active.remove(key) != null) {
                publish();
                LOG.info("Subscription '{}': query removed", key);
            }
            return;
        }
        Query query;
        try {
            query = Query.parse(subscription.query(), lexicon);
        } catch (QueryException e) {
            throw new IllegalArgumentException("subscription '" + key + "' has a query that cannot be matched: "
                    + e.getMessage(), e);
        }
        active.put(key, new SubscriptionQuery(key, subscription.themes(),
                query.toTheme(key, subscription.name())));
        publish();
        LOG.info("Subscription '{}': query in force", key);
    }

    private void publish() {
        generation++;
    }
}
