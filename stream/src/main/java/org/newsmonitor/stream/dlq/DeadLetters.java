package org.newsmonitor.stream.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/**
 * Builds dead-letter records for {@code news-dead-letters}: a {@link DeadLetterEvent} carrying the original key and
 * bytes, plus {@link DlqHeaders} saying where the record came from and why it failed.
 */
public final class DeadLetters {
    /** Longest payload kept, in characters; longer payloads are cut so the dead letter still fits in a record. */
    public static final int MAX_PAYLOAD_CHARS = 256 * 1024;

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
        Payload payload = Payload.of(value);
        String reason = reason(failure) + (payload.truncated() ? " (payload cut to " + MAX_PAYLOAD_CHARS + " characters)" : "");
        return new DeadLetterEvent(DeadLetterEvent.CURRENT_VERSION, stage, origin.topic(), origin.partition(),
                origin.offset(), reason, key == null ? null : new String(key, StandardCharsets.UTF_8), payload.text(),
                payload.encoding(), failedAt);
    }

    /** Headers repeating the facts of {@code event} plus the exception class; never null. */
    public static Headers headers(DeadLetterEvent event, Throwable failure) {
        RecordHeaders headers = new RecordHeaders();
        if (event.sourceTopic() != null) {
            headers.add(DlqHeaders.SOURCE_TOPIC, utf8(event.sourceTopic()));
        }
        headers.add(DlqHeaders.SOURCE_PARTITION, utf8(String.valueOf(event.sourcePartition())));
        headers.add(DlqHeaders.SOURCE_OFFSET, utf8(String.valueOf(event.sourceOffset())));
        headers.add(DlqHeaders.STAGE, utf8(event.stage()));
        headers.add(DlqHeaders.EXCEPTION, utf8(rootCause(failure).getClass().getName()));
        headers.add(DlqHeaders.REASON, utf8(event.reason()));
        return headers;
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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The source value as text when it is valid UTF-8, otherwise base64; cut to {@link #MAX_PAYLOAD_CHARS}. */
    private record Payload(String text, String encoding, boolean truncated) {
        static Payload of(byte[] value) {
            if (value == null) {
                return new Payload(null, "utf-8", false);
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value)).toString();
                return cut(text, "utf-8");
            } catch (CharacterCodingException e) {
                return cut(Base64.getEncoder().encodeToString(value), "base64");
            }
        }

        private static Payload cut(String text, String encoding) {
            if (text.length() <= MAX_PAYLOAD_CHARS) {
                return new Payload(text, encoding, false);
            }
            int end = MAX_PAYLOAD_CHARS;
            if (encoding.equals("base64")) {
                end -= end % 4;
            } else if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return new Payload(text.substring(0, end), encoding, true);
        }
    }
}
