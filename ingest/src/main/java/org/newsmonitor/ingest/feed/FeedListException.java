package org.newsmonitor.ingest.feed;

/** A feed list that cannot be used; the message names the file and, when known, the line. */
public final class FeedListException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its one-line message. */
    public FeedListException(String message, Throwable cause) {
        super(message, cause);
    }
}
