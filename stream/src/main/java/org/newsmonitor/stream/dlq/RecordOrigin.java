package org.newsmonitor.stream.dlq;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a record was read from.
 *
 * @param topic     source topic; may be null when unknown (e.g. a punctuation)
 * @param partition source partition, or -1
 * @param offset    source offset, or -1
 */
public record RecordOrigin(String topic, int partition, long offset) {
    /** Unknown origin. */
    public static final RecordOrigin UNKNOWN = new RecordOrigin(null, -1, -1L);

    /** The origin described by a processor's record metadata, or {@link #UNKNOWN}. */
    public static RecordOrigin of(Optional<RecordMetadata> metadata) {
        return metadata.map(m -> new RecordOrigin(m.topic(), m.partition(), m.offset())).orElse(UNKNOWN);
    }
}
