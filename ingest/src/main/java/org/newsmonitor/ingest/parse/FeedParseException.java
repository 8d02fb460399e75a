package org.newsmonitor.ingest.parse;

/** A document that cannot be read as a feed; the message is one line and names the line and column when known. */
public final class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    /** A failure without a position. */
    public FeedParseException(String message) {
        this(message, -1, -1, null);
    }

    /**
     * A failure at a position.
     *
     * @param message what is wrong
     * @param line    line number, or -1 when unknown
     * @param column  column number, or -1 when unknown
     * @param cause   the underlying error; may be null
     */
    public FeedParseException(String message, int line, int column, Throwable cause) {
        super(line > 0 ? message + " at line " + line + (column > 0 ? ", column " + column : "") : message, cause);
        this.line = line;
        this.column = column;
    }

    /** Line of the error, or -1. */
    public int line() {
        return line;
    }

    /** Column of the error, or -1. */
    public int column() {
        return column;
    }
}
