package org.newsmonitor.alerts.web;

import java.util.List;
import org.newsmonitor.alerts.subscription.FieldError;

/**
 * An HTTP error answered as JSON in the one shape every route uses: {@code {"status": 422, "error": "all problems in
 * one line", "field": "the first field at fault", "errors": [{"field", "message"}, ...]}}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient List<FieldError> errors;

    /**
     * @param status HTTP status
     * @param field  the field or input at fault, e.g. "Authorization" or "limit"
     * @param message what is wrong
     */
    public ApiError(int status, String field, String message) {
        this(status, List.of(new FieldError(field, message)));
    }

    /**
     * @param status HTTP status
     * @param errors what is wrong, field by field; at least one
     */
    public ApiError(int status, List<FieldError> errors) {
        super(errors.get(0).field() + " " + errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The JSON body: {"status":..., "error": "...", "field": "...", "errors":[{"field","message"}]}. */
    public Body body() {
        return new Body(status, errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse(""), errors.get(0).field(), errors);
    }

    /**
     * The error as sent.
     *
     * @param status HTTP status
     * @param error  all problems in one line
     * @param field  the (first) field or input at fault, e.g. "Authorization", "limit", "path" or "body"
     * @param errors problems by field
     */
    public record Body(int status, String error, String field, List<FieldError> errors) {
    }
}
