package org.newsmonitor.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/**
 * Builds dead-letter records for {@code news-dead-letters}: the value says what failed and why, the headers repeat
 * it. The one place every service builds them.
 */
public final class DeadLetters {
    /** Longest payload kept, in characters; longer payloads are cut so the dead letter still fits in a record. */
    public static final int MAX_PAYLOAD_CHARS = 256 * 1024;

    private DeadLetters() {
    }

    /**
     * A dead letter for a Kafka record that could not be processed.
     *
     * @param stage     the part of the monitor giving up, e.g. "stream.read-articles"
     * @param topic     the source topic; may be null for input that did not come from Kafka
     * @param partition source partition, or -1
     * @param offset    source offset, or -1
     * @param key       source key; may be null
     * @param value     source value bytes; may be null
     * @param error     what went wrong
     * @param now       the time of failure
     */
    public static DeadLetterEvent event(String stage, String topic, int partition, long offset, String key, byte[] value,
            Throwable error, Instant now) {
        return event(stage, topic, partition, offset, key, value, reason(error), now);
    }

    /**
     * A dead letter with a reason already in words. The value is kept as UTF-8 text when it is valid UTF-8,
     * otherwise as base64, and cut to {@link #MAX_PAYLOAD_CHARS} (the reason then says so).
     */
    public static DeadLetterEvent event(String stage, String topic, int partition, long offset, String key, byte[] value,
            String reason, Instant now) {
        Payload payload = Payload.of(value);
        String why = payload.truncated() ? reason + " (payload cut to " + MAX_PAYLOAD_CHARS + " characters)" : reason;
        return new DeadLetterEvent(DeadLetterEvent.CURRENT_VERSION, stage, topic, partition, offset, why, key,
                payload.text(), payload.encoding(), now);
    }

    /**
     * Headers repeating the facts of {@code event}, see {@link DlqHeaders}; never null. The exception header names
     * the class of the root cause (a JSON parser's exception rather than the serializer's wrapper around it).
     */
    public static Headers headers(DeadLetterEvent event, Throwable error) {
        Headers headers = new RecordHeaders();
        if (event.sourceTopic() != null) {
            headers.add(DlqHeaders.SOURCE_TOPIC, bytes(event.sourceTopic()));
        }
        headers.add(DlqHeaders.SOURCE_PARTITION, bytes(String.valueOf(event.sourcePartition())));
        headers.add(DlqHeaders.SOURCE_OFFSET, bytes(String.valueOf(event.sourceOffset())));
        headers.add(DlqHeaders.STAGE, bytes(event.stage()));
        headers.add(DlqHeaders.EXCEPTION, bytes(error == null ? "none" : rootCause(error).getClass().getName()));
        headers.add(DlqHeaders.REASON, bytes(event.reason()));
        return headers;
    }

    /** The dead-letter record for {@code event}, with {@link DlqHeaders} set. */
    public static ProducerRecord<String, DeadLetterEvent> record(DeadLetterEvent event, Throwable error) {
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, event.key(), event, headers(event, error));
    }

    /**
     * The dead-letter record in the raw form Kafka Streams' error handlers hand back: the value serialised with the
     * topic's serde, the key as it was read, {@link DlqHeaders} set.
     */
    public static ProducerRecord<byte[], byte[]> rawRecord(DeadLetterEvent event, Throwable error, byte[] key) {
        byte[] value = Topics.DEAD_LETTERS.valueSerde().serialize(Topics.DEAD_LETTERS.name(), event);
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, null, key, value, headers(event, error));
    }

    /** A source key read as bytes, as the text a dead letter keeps (UTF-8); null for none. */
    public static String keyText(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /**
     * One line describing a failure: the first line of its message, else of its cause's message (a wrapper that
     * says nothing itself), else its type.
     */
    public static String reason(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        String m = error.getMessage();
        if ((m == null || m.isBlank()) && error.getCause() != null) {
            m = error.getCause().getMessage();
        }
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
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
