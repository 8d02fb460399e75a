package org.newsmonitor.broker;

/** The in-process broker could not start; the message says what and where, in one line. */
public class EmbeddedKafkaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmbeddedKafkaException(String message) {
        super(message);
    }
}
