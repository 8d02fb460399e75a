package org.newsmonitor.alerts.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/** Builds dead letters (value and headers) for what the alerts service could not process or deliver. */
public final class DeadLetterRecords {
    private DeadLetterRecords() {
    }

    /**
     * The dead letter for one failed input.
     *
     * @param stage     the part of the alerts service giving up, e.g. "alerts.read-theme-matches"
     * @param topic     source topic; may be null
     * @param partition source partition or -1
     * @param offset    source offset or -1
     * @param key       source key; may be null
     * @param value     source bytes; may be null
     * @param reason    one-line reason; never null
     * @param now       when it was given up on
     * @return the dead letter; never null
     */
    public static DeadLetterEvent event(String stage, String topic, int partition, long offset, String key,
            byte[] value, String reason, Instant now) {
        String payload = null;
        String encoding = "utf-8";
        if (value != null) {
            try {
                payload = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            } catch (CharacterCodingException e) {
                payload = Base64.getEncoder().encodeToString(value);
                encoding = "base64";
            }
        }
        return new DeadLetterEvent(DeadLetterEvent.CURRENT_VERSION, stage, topic, partition, offset, reason, key,
                payload, encoding, now);
    }

    /** The headers repeating the dead letter's facts, see {@link DlqHeaders}; never null. */
    public static Headers headers(DeadLetterEvent event, Throwable error) {
        Headers headers = new RecordHeaders();
        if (event.sourceTopic() != null) {
            headers.add(DlqHeaders.SOURCE_TOPIC, utf8(event.sourceTopic()));
        }
        headers.add(DlqHeaders.SOURCE_PARTITION, utf8(String.valueOf(event.sourcePartition())));
        headers.add(DlqHeaders.SOURCE_OFFSET, utf8(String.valueOf(event.sourceOffset())));
        headers.add(DlqHeaders.STAGE, utf8(event.stage()));
        headers.add(DlqHeaders.EXCEPTION, utf8(error == null ? "none" : error.getClass().getName()));
        headers.add(DlqHeaders.REASON, utf8(event.reason()));
        return headers;
    }

    /** One line describing a failure: its first message line, or its type when it has none. */
    public static String reason(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
