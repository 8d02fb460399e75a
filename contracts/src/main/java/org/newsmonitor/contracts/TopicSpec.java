package org.newsmonitor.contracts;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.newsmonitor.contracts.event.KeyedRecord;
import org.newsmonitor.contracts.json.JsonSerde;

/**
 * Everything a producer, consumer or admin needs to know about one topic.
 *
 * @param name       topic name
 * @param key        what the key is, in words (keys are always UTF-8 strings)
 * @param valueType  the record type of values
 * @param schemaFile JSON Schema of the value, relative to docs/schemas/
 * @param partitions default partition count when the monitor creates the topic
 * @param compacted  whether the topic is log-compacted (latest value per key)
 * @param retention  retention in milliseconds for non-compacted topics; -1 means forever
 * @param <V>        the value type
 */
public record TopicSpec<V>(String name, String key, Class<V> valueType, String schemaFile, int partitions,
        boolean compacted, long retention) {

    /** Key serde: every topic is keyed by a UTF-8 string id. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** A fresh JSON value serde for this topic; never null. */
    public JsonSerde<V> valueSerde() {
        return new JsonSerde<>(valueType, name);
    }

    /**
     * Reads one record of this topic: the value decoded and checked against its key.
     *
     * @param key   the record key; may be null
     * @param value the raw value; null is a tombstone
     * @return the value, or null for a tombstone
     * @throws SerializationException naming this topic and what is wrong: unreadable JSON, an invalid record, or a
     *                                {@link KeyedRecord} whose own key differs from the record key
     */
    public V decode(String key, byte[] value) {
        V decoded = valueSerde().deserialize(name, value);
        if (decoded instanceof KeyedRecord keyed && !keyed.recordKey().equals(key)) {
            throw new SerializationException("Refused " + valueType.getSimpleName() + " on topic '" + name
                    + "': " + (key == null ? "the record has no key" : "the record key is '" + key + "'") + " but its "
                    + this.key
                    + " is '" + keyed.recordKey() + "'");
        }
        return decoded;
    }

    /** Topic-level configs the monitor applies when it creates the topic. */
    public Map<String, String> configs() {
        Map<String, String> configs = new TreeMap<>();
        if (compacted) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            // compacted state topics are small; compact promptly so restarts read little
            configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
            configs.put(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(6 * 3600_000L));
        } else {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention));
            if (retention > 0) {
                // retention runs from the record timestamp; for every writer (including error handlers outside our
                // transactions and other clients), that is when the broker appended it, never an article's
                // publication time: an alert about last year's news is kept as long as one about today's
                configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
            }
        }
        return configs;
    }

    /** This topic as an admin request with the given replication factor and partition count. */
    public NewTopic newTopic(int partitionCount, short replicationFactor) {
        return new NewTopic(name, partitionCount, replicationFactor).configs(configs());
    }
}
