package org.newsmonitor.contracts.event;

/** A wire record failed validation; the message names the record type and the field. */
public class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String record;
    private final String field;

    public InvalidRecordException(String record, String field, String problem) {
        super(record + "." + field + " " + problem);
        this.record = record;
        this.field = field;
    }

    /** The record type, e.g. {@code ArticleEvent}; never null. */
    public String record() {
        return record;
    }

    /** The offending field, e.g. {@code title}; never null. */
    public String field() {
        return field;
    }
}
