package org.newsmonitor.ingest.publish;

/** Kafka did not take a batch; nothing of it is visible to read_committed consumers. */
public final class PublishException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure with its one-line reason. */
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
