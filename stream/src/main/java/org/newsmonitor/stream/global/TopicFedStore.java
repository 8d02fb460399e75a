package org.newsmonitor.stream.global;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * A global store that takes the raw records of its topic itself, and never throws on one it cannot read. It keeps
 * what it derives in memory: on every start Kafka Streams restores it by replaying the topic through
 * {@link #apply(String, byte[], int, long)}, the same path live records take.
 */
public abstract class TopicFedStore implements StateStore {
    private final String name;
    private volatile boolean open;

    /** @param name the store name */
    protected TopicFedStore(String name) {
        this.name = name;
    }

    /**
     * Applies one record of the store's topic. Never throws.
     *
     * @param key       the record key; may be null
     * @param value     the raw value; null is a tombstone
     * @param partition the source partition, or -1
     * @param offset    the source offset, or -1
     */
    public abstract void apply(String key, byte[] value, int partition, long offset);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> apply(key == null ? null : new String(key, StandardCharsets.UTF_8),
                value, -1, -1L));
        open = true;
    }

    @Override
    public final void close() {
        open = false;
    }

    @Override
    public final boolean persistent() {
        return false;
    }

    @Override
    public final boolean isOpen() {
        return open;
    }
}
