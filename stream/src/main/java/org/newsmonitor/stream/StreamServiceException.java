package org.newsmonitor.stream;

/** The stream application could not start, or cannot answer a query now; the message says why in one line. */
public class StreamServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StreamServiceException(String message) {
        super(message);
    }

    public StreamServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
