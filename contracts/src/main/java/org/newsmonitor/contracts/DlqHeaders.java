package org.newsmonitor.contracts;

/** Header names on {@code news-dead-letters} records, saying where a record came from and why it failed. */
public final class DlqHeaders {
    /** Topic the failed record was read from. */
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    /** Partition of the failed record. */
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    /** Offset of the failed record. */
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** The part of the monitor that gave up, e.g. "stream.match-themes". */
    public static final String STAGE = "dlq.stage";
    /** Exception class of the failure. */
    public static final String EXCEPTION = "dlq.exception";
    /** One-line reason. */
    public static final String REASON = "dlq.reason";

    private DlqHeaders() {
    }
}
