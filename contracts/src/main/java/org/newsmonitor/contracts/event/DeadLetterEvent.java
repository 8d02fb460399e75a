package org.newsmonitor.contracts.event;

import java.time.Instant;

/**
 * A record, delivery or input that could not be processed, kept on {@code news-dead-letters} so that nothing is lost.
 * The same facts are also written as headers (see {@code DlqHeaders}).
 *
 * @param schemaVersion   version of this record's shape
 * @param stage           which part of the monitor gave up, e.g. "stream.match-themes" or "alerts.webhook"
 * @param sourceTopic     topic the record came from; may be null when the input was not a Kafka record
 * @param sourcePartition partition of the source record, or -1
 * @param sourceOffset    offset of the source record, or -1
 * @param reason          what went wrong, in one line
 * @param key             the source record's key as text; may be null
 * @param payload         the source record's value: UTF-8 text, or base64 when {@link #payloadEncoding()} says so
 * @param payloadEncoding "utf-8" or "base64"
 * @param failedAt        when it was given up on
 */
public record DeadLetterEvent(
        int schemaVersion,
        String stage,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String reason,
        String key,
        String payload,
        String payloadEncoding,
        Instant failedAt) {

    public static final int CURRENT_VERSION = 1;

    public DeadLetterEvent {
        String r = "DeadLetterEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        stage = Checks.nonBlank(r, "stage", stage);
        sourceTopic = Checks.optional(sourceTopic);
        reason = Checks.nonBlank(r, "reason", reason);
        payloadEncoding = payloadEncoding == null ? "utf-8" : payloadEncoding;
        if (!payloadEncoding.equals("utf-8") && !payloadEncoding.equals("base64")) {
            throw new InvalidRecordException(r, "payloadEncoding", "must be 'utf-8' or 'base64', was '" + payloadEncoding + "'");
        }
        Checks.present(r, "failedAt", failedAt);
    }
}
