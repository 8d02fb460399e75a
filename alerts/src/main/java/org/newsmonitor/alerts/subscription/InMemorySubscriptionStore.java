package org.newsmonitor.alerts.subscription;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** Subscriptions kept in memory; also the materialised view behind the Kafka-backed store. */
public final class InMemorySubscriptionStore implements SubscriptionStore {
    private final ConcurrentMap<String, SubscriptionEvent> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<SubscriptionEvent> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<SubscriptionEvent> all() {
        return byId.values().stream().sorted(Comparator.comparing(SubscriptionEvent::createdAt)
                .thenComparing(SubscriptionEvent::id)).toList();
    }

    @Override
    public void put(SubscriptionEvent subscription) {
        byId.put(subscription.id(), subscription);
    }

    @Override
    public void delete(String id) {
        byId.remove(id);
    }
}
