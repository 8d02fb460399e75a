package org.newsmonitor.alerts.policy;

import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.TopicReader;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Keeps the global subscriptions store in step with the compacted subscriptions topic, on the global stream thread
 * (also while restoring at start-up). It reads raw bytes and decodes them itself, so no record can throw into
 * Kafka Streams: a record that cannot be read, or whose key differs from its subscription id, is dead-lettered
 * through the given sink (global processors cannot forward) and left out of the store.
 */
final class SubscriptionsGlobalProcessor implements Processor<String, byte[], Void, Void> {
    /** The stage named in this processor's dead letters. */
    static final String STAGE = "alerts.policy.subscriptions";
    private final TopicReader<SubscriptionEvent> reader;
    private KeyValueStore<String, SubscriptionEvent> store;
    private ProcessorContext<Void, Void> context;

    /** @param deadLetters where records that cannot be taken go; thread-safe */
    SubscriptionsGlobalProcessor(DeadLetterSink deadLetters) {
        this.reader = new TopicReader<>(Topics.SUBSCRIPTIONS, STAGE, deadLetters, Clock.systemUTC());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(AlertPolicyTopology.SUBSCRIPTIONS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        reader.read(record.key(), record.value(), origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset(), (id, subscription) -> {
                    if (subscription == null) {
                        store.delete(id);
                    } else {
                        store.put(id, subscription);
                    }
                });
    }
}
