package org.newsmonitor.ingest.fetch;

import java.io.IOException;

/** A response body over the configured limit. */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A body over the limit, with the reason. */
    public BodyTooLargeException(String message) {
        super(message);
    }
}
