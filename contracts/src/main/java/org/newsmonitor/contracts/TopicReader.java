package org.newsmonitor.contracts;

import java.time.Clock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every reader of a monitor topic takes a record: decode it ({@link TopicSpec#decode}, key checked), hand it on,
 * and when either fails, dead-letter it and go on. No record, however malformed, stops the reader.
 *
 * @param <V> the value type of the topic
 */
public final class TopicReader<V> {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);

    private final TopicSpec<V> topic;
    private final String stage;
    private final DeadLetterSink deadLetters;
    private final Clock clock;

    /**
     * @param topic       the topic read
     * @param stage       who reads, named in the dead letter, e.g. "alerts.view"; never null
     * @param deadLetters where unreadable records go; never null
     * @param clock       the time of dead letters
     */
    public TopicReader(TopicSpec<V> topic, String stage, DeadLetterSink deadLetters, Clock clock) {
        this.topic = topic;
        this.stage = stage;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** The topic read; never null. */
    public TopicSpec<V> topic() {
        return topic;
    }

    /**
     * Decodes one record and hands it to {@code handler}; when decoding or the handler fails, the record is
     * dead-lettered instead. Never throws.
     *
     * @param key       the record key; may be null
     * @param value     the raw value; null is a tombstone, handed on as null
     * @param partition the source partition, or -1
     * @param offset    the source offset, or -1
     * @param handler   receives the key and decoded value
     * @return true when the handler took the record, false when it was dead-lettered
     */
    public boolean read(String key, byte[] value, int partition, long offset, BiConsumer<String, V> handler) {
        try {
            handler.accept(key, topic.decode(key, value));
            return true;
        } catch (RuntimeException e) {
            deadLetter(key, value, partition, offset, e);
            return false;
        }
    }

    /**
     * Dead-letters a record this reader cannot take. Never throws: when the dead letter cannot be written either,
     * that is logged (the record stays on its topic).
     */
    public void deadLetter(String key, byte[] value, int partition, long offset, Throwable error) {
        String reason = DeadLetters.reason(error);
        LOG.warn("Dead-lettering unreadable record {}-{}@{} (key {}): {}", topic.name(), partition, offset, key, reason);
        try {
            deadLetters.publish(DeadLetters.event(stage, topic.name(), partition, offset, key, value, reason,
                    clock.instant()), error);
        } catch (RuntimeException dlqFailure) {
            LOG.error("Cannot dead-letter {}-{}@{}: {}", topic.name(), partition, offset,
                    DeadLetters.reason(dlqFailure));
        }
    }
}
