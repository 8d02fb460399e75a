package org.newsmonitor.ingest.fulltext;

/** A page whose shape (nesting depth, element count) is beyond what a real article page needs; not read further. */
public final class HostilePageException extends Exception {
    private static final long serialVersionUID = 1L;

    HostilePageException(String message) {
        super(message);
    }
}
