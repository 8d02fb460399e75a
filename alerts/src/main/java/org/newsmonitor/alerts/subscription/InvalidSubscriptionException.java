package org.newsmonitor.alerts.subscription;

import java.util.List;
import java.util.stream.Collectors;

/** A subscription request was refused; carries every field error and whether the body was unreadable. */
public final class InvalidSubscriptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;
    private final boolean malformed;

    /**
     * @param errors    what is wrong, field by field; at least one
     * @param malformed true when the body is not the JSON shape expected (400), false when values are refused (422)
     */
    public InvalidSubscriptionException(List<FieldError> errors, boolean malformed) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
        this.malformed = malformed;
    }

    /** Every field error; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Whether the body itself was malformed rather than its values refused. */
    public boolean malformed() {
        return malformed;
    }
}
