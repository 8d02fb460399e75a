package org.newsmonitor.alerts.subscription;

/**
 * One thing wrong with a request.
 *
 * @param field   the JSON field (or "body"); never null
 * @param message what is wrong with it, in one line; never null
 */
public record FieldError(String field, String message) {
}
