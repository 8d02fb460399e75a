package org.newsmonitor.stream.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/**
 * Builds dead-letter records for {@code news-dead-letters}: a {@link DeadLetterEvent} carrying the original key and
 * bytes, plus {@link DlqHeaders} saying where the record came from and why it failed.
 */
public final class DeadLetters {
    /** Longest payload kept, in characters (see {@link org.newsmonitor.contracts.DeadLetters#MAX_PAYLOAD_CHARS}). */
    public static final int MAX_PAYLOAD_CHARS = org.newsmonitor.contracts.DeadLetters.MAX_PAYLOAD_CHARS;

    private DeadLetters() {
    }

    /**
     * The dead-letter event for a failed record.
     *
     * @param stage     the part of the monitor that gave up, e.g. "stream.read-articles"; never null
     * @param origin    where the record came from; never null
     * @param failure   what went wrong; never null
     * @param key       the source key bytes; may be null
     * @param value     the source value bytes; may be null
     * @param failedAt  when it was given up on; never null
     * @return the event; never null
     */
    public static DeadLetterEvent event(String stage, RecordOrigin origin, Throwable failure, byte[] key, byte[] value,
            Instant failedAt) {
        return org.newsmonitor.contracts.DeadLetters.event(stage, origin.topic(), origin.partition(), origin.offset(),
                key == null ? null : new String(key, StandardCharsets.UTF_8), value, reason(failure), failedAt);
    }

    /** Headers repeating the facts of {@code event} plus the exception class; never null. */
    public static Headers headers(DeadLetterEvent event, Throwable failure) {
        return org.newsmonitor.contracts.DeadLetters.headers(event, rootCause(failure));
    }

    /** A raw producer record for Kafka Streams' error-handler responses; never null. */
    public static ProducerRecord<byte[], byte[]> producerRecord(DeadLetterEvent event, Throwable failure, byte[] key) {
        byte[] value = Topics.DEAD_LETTERS.valueSerde().serialize(Topics.DEAD_LETTERS.name(), event);
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, null, key, value, headers(event, failure));
    }

    /** One line saying what went wrong: the deepest message that says something, never blank. */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

}
