package org.newsmonitor.alerts.subscription;

import java.util.List;
import java.util.Optional;
import org.newsmonitor.alerts.kafka.TopicWriter;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Subscriptions stored only on the compacted subscriptions topic and materialised in memory. The view is fed by a
 * {@code TopicFollower} through {@link #apply}; a write is applied to the view as soon as Kafka acknowledged it, so the
 * writer reads its own writes.
 */
public final class KafkaSubscriptionStore implements SubscriptionStore {
    private final TopicWriter writer;
    private final InMemorySubscriptionStore view = new InMemorySubscriptionStore();

    /** @param writer producer for the subscriptions topic */
    public KafkaSubscriptionStore(TopicWriter writer) {
        this.writer = writer;
    }

    /** Applies one record of the subscriptions topic to the view (null value = deleted). */
    public void apply(String id, SubscriptionEvent subscription) {
        if (id == null) {
            return;
        }
        if (subscription == null) {
            view.delete(id);
        } else {
            // the follower may still be behind this instance's own later write; keep the newer version
            Optional<SubscriptionEvent> current = view.get(id);
            if (current.isEmpty() || !current.get().updatedAt().isAfter(subscription.updatedAt())) {
                view.put(subscription);
            }
        }
    }

    @Override
    public Optional<SubscriptionEvent> get(String id) {
        return view.get(id);
    }

    @Override
    public List<SubscriptionEvent> all() {
        return view.all();
    }

    @Override
    public void put(SubscriptionEvent subscription) {
        writer.write(Topics.SUBSCRIPTIONS, subscription.id(), subscription);
        view.put(subscription);
    }

    @Override
    public void delete(String id) {
        writer.write(Topics.SUBSCRIPTIONS, id, null);
        view.delete(id);
    }
}
