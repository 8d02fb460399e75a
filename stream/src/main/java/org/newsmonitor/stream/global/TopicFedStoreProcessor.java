package org.newsmonitor.stream.global;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Feeds each record of a topic (raw bytes) with its position into a {@link TopicFedStore}. */
public final class TopicFedStoreProcessor implements Processor<String, byte[], Void, Void> {
    private final String storeName;
    private TopicFedStore store;
    private ProcessorContext<Void, Void> context;

    /** @param storeName the store fed */
    public TopicFedStoreProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        store.apply(record.key(), record.value(), origin == null ? -1 : origin.partition(),
                origin == null ? -1L : origin.offset());
    }
}
