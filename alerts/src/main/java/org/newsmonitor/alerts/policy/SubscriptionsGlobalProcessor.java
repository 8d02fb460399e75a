package org.newsmonitor.alerts.policy;

import org.newsmonitor.contracts.DeadLetters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global subscriptions store in step with the compacted subscriptions topic. A record that does not
 * parse is skipped with a warning here; the subscription view of the HTTP service dead-letters it (global
 * processors cannot forward).
 */
final class SubscriptionsGlobalProcessor implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionsGlobalProcessor.class);
    private final JsonSerde<SubscriptionEvent> serde = Topics.SUBSCRIPTIONS.valueSerde();
    private KeyValueStore<String, SubscriptionEvent> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(AlertPolicyTopology.SUBSCRIPTIONS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("Skipping a subscription record without a key");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        try {
            SubscriptionEvent subscription = serde.deserialize(Topics.SUBSCRIPTIONS.name(), record.value());
            store.put(record.key(), subscription);
        } catch (RuntimeException e) {
            LOG.warn("Skipping unreadable subscription '{}': {}", record.key(), DeadLetters.reason(e));
        }
    }
}
