package org.newsmonitor.alerts.subscription;

import java.util.List;
import java.util.Optional;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** Where subscriptions live: the compacted subscriptions topic in production, memory in unit tests. */
public interface SubscriptionStore {
    /** The subscription with this id, if any. */
    Optional<SubscriptionEvent> get(String id);

    /** Every subscription; never null. */
    List<SubscriptionEvent> all();

    /**
     * Stores the subscription; it is durable and visible to {@link #get} when this returns.
     *
     * @throws IllegalStateException when it cannot be stored, with the reason
     */
    void put(SubscriptionEvent subscription);

    /**
     * Deletes the subscription (a tombstone on the topic); durable when this returns.
     *
     * @throws IllegalStateException when it cannot be deleted, with the reason
     */
    void delete(String id);
}
