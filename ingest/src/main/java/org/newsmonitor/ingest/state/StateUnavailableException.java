package org.newsmonitor.ingest.state;

/** Kafka could not be read within the timeout; the message says where and why. */
public final class StateUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure with its one-line reason. */
    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
