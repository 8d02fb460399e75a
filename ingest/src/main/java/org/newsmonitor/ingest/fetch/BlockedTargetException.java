package org.newsmonitor.ingest.fetch;

/** A URL the SSRF policy refuses, with the reason in one line. */
public final class BlockedTargetException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public BlockedTargetException(String message) {
        super(message);
    }
}
