package org.newsmonitor.stream.global;

import org.apache.kafka.streams.processor.StateStore;

/** A global store that takes the raw records of its topic itself, and never throws on one it cannot read. */
public interface TopicFedStore extends StateStore {
    /**
     * Applies one record of the store's topic. Never throws.
     *
     * @param key       the record key; may be null
     * @param value     the raw value; null is a tombstone
     * @param partition the source partition, or -1
     * @param offset    the source offset, or -1
     */
    void apply(String key, byte[] value, int partition, long offset);
}
