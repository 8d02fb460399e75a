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

/** Builds dead-letter records for {@code news-dead-letters}: the value says what failed and why, the headers repeat it. */
public final class DeadLetters {
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
        String payload = null;
        String encoding = "utf-8";
        if (value != null) {
            try {
                payload = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value)).toString();
            } catch (CharacterCodingException e) {
                payload = Base64.getEncoder().encodeToString(value);
                encoding = "base64";
            }
        }
        return new DeadLetterEvent(DeadLetterEvent.CURRENT_VERSION, stage, topic, partition, offset, reason(error), key,
                payload, encoding, now);
    }

    /** The dead-letter record for {@code event}, with {@link DlqHeaders} set. */
    public static ProducerRecord<String, DeadLetterEvent> record(DeadLetterEvent event, Throwable error) {
        Headers headers = new RecordHeaders();
        if (event.sourceTopic() != null) {
            headers.add(DlqHeaders.SOURCE_TOPIC, bytes(event.sourceTopic()));
        }
        headers.add(DlqHeaders.SOURCE_PARTITION, bytes(String.valueOf(event.sourcePartition())));
        headers.add(DlqHeaders.SOURCE_OFFSET, bytes(String.valueOf(event.sourceOffset())));
        headers.add(DlqHeaders.STAGE, bytes(event.stage()));
        headers.add(DlqHeaders.EXCEPTION, bytes(error == null ? "none" : error.getClass().getName()));
        headers.add(DlqHeaders.REASON, bytes(event.reason()));
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, event.key(), event, headers);
    }

    /** One line describing a failure: its message, or its type when it has none. */
    public static String reason(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
